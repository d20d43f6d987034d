import type { Parsed } from './counts';

/** Where a figure comes from: a link when the cell is an http(s) URL, otherwise a headline and date. */
export interface SourceRef {
	text: string;
	url?: string;
	/** Short name for a source line: the site's host for a link, the text itself otherwise. */
	label: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\S/i;
const YEAR = /\b(19|20)\d{2}\b/;

/** Several sources in one cell are separated by ` | `. */
export function parseSources(raw: string): Parsed<SourceRef[]> {
	const parts = raw
		.split(/\s+\|\s+/)
		.map((part) => part.trim())
		.filter(Boolean);
	const refs: SourceRef[] = [];
	for (const part of parts) {
		const ref = parseSource(part);
		if (!ref.ok) return ref;
		refs.push(ref.value);
	}
	return { ok: true, value: refs };
}

function parseSource(text: string): Parsed<SourceRef> {
	const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
	if (scheme === 'http' || scheme === 'https') {
		try {
			const url = new URL(text);
			return {
				ok: true,
				value: { text, url: url.href, label: url.hostname.replace(/^www\./, '') }
			};
		} catch {
			return { ok: false, message: `${JSON.stringify(text)} is not a valid web address` };
		}
	}
	if (scheme) {
		return {
			ok: false,
			message: `${JSON.stringify(text.slice(0, 40))} uses the "${scheme}:" scheme; only http: and https: links are allowed`
		};
	}
	if (!YEAR.test(text)) {
		return {
			ok: false,
			message: `${JSON.stringify(text)} is not a link and has no date; give a URL, or the article's headline and date`
		};
	}
	return { ok: true, value: { text, label: text } };
}
