/**
 * Editors' free text inside strings we compose (SVG labels, callout headings), where `<bdi>` is not
 * available. Svelte escapes it as text; these helpers keep its bidi controls from reaching outside.
 */

const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATE_INITIATOR = /[\u2066-\u2068]/;

/**
 * Drops each PDI (U+2069) that closes nothing inside the text, and closes every isolate the text
 * leaves open, so wrapping it in FSI…PDI really contains it. A stray embedding or override
 * (U+202A–U+202E) needs no fixing: the closing PDI ends it.
 */
export function balanceBidi(text: string): string {
	let open = 0;
	let out = '';
	for (const char of text) {
		if (ISOLATE_INITIATOR.test(char)) open += 1;
		else if (char === PDI) {
			if (open === 0) continue;
			open -= 1;
		}
		out += char;
	}
	return out + PDI.repeat(open);
}

/**
 * The text as a first-strong isolate, the string form of `<bdi>`: a right-to-left name or a U+202E
 * can reorder only itself, never the punctuation, numbers or ellipsis around it. Plain ASCII is
 * returned as is, since it can't reorder anything.
 */
export function isolate(text: string): string {
	return /^[\x20-\x7e]*$/.test(text) ? text : `${FSI}${balanceBidi(text)}${PDI}`;
}

/**
 * SVG text can't wrap, so very long labels are shortened in the chart; the full text is always in
 * the mark's <title> and in the data table. The result is isolated, with the ellipsis outside.
 */
export function shorten(text: string, max = 38): string {
	const chars = graphemesOf(text);
	if (chars.length <= max) return isolate(text);
	return `${isolate(
		chars
			.slice(0, max - 1)
			.join('')
			.trimEnd()
	)}…`;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What a reader sees as characters, so an emoji or accented letter is never counted or cut as two. */
export const graphemesOf = (text: string) =>
	Array.from(graphemes.segment(text), (part) => part.segment);

/**
 * XML 1.0 forbids most control characters, even escaped, so one pasted into a cell would make a
 * standalone SVG (a snapshot) unreadable. HTML tolerates them; a standalone file must not see them.
 */
export function xmlSafe(text: string): string {
	return text.replace(
		// Matching control characters is the point here.
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		''
	);
}
