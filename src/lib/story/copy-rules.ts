import archieml from 'archieml';
import type { DatasetRows } from '../schema/datasets';
import type { QuoteRow } from '../schema/quotes';
import { locate, type Place } from './locate';
import { fillTokens, TOKEN } from './tokens';

/**
 * Rules the story copy must keep so it cannot drift from the data:
 * 1. No figure or date typed by hand: a digit in prose or an announcement outside a `{…}` token is an
 *    error (a CSV edit would never reach it). Quotations that match data/quotes.csv are exempt.
 * 2. Every quoted passage (between “ ” or " ") matches a row of data/quotes.csv word for word; where the
 *    same words have more than one attribution, the text around them names every speaker.
 * 3. The dek stays short enough to read at a glance.
 * Each problem is located at its line of the story file.
 */

const FILE = 'src/content/story.aml';
export const DEK_WORDS = 25;

/** One piece of copy and where it sits in the story file. */
interface Piece {
	place: Place;
	text: string;
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
	return [];
}

function pieces(source: string): Piece[] {
	const doc = archieml.load(source);
	const out: Piece[] = [];
	for (const key of ['headline', 'dek']) {
		for (const text of strings(doc[key])) out.push({ place: { key }, text });
	}
	for (const list of ['intro', 'method']) {
		strings(doc[list]).forEach((text, index) => out.push({ place: { list, index }, text }));
	}
	const steps = Array.isArray(doc.steps) ? (doc.steps as Record<string, unknown>[]) : [];
	steps.forEach((step, index) => {
		for (const key of ['text', 'announce']) {
			for (const text of strings(step[key]))
				out.push({ place: { list: 'steps', index, key }, text });
		}
	});
	return out;
}

const MONTH =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A hand-typed figure or date, widened from its digits to the phrase an editor would recognise. */
const TYPED = new RegExp(
	[
		`(?<date>\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?` +
			`|${MONTH}\\s+\\d{4}` +
			`|${MONTH}\\s+\\d{1,2}(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?` +
			`|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b` +
			`|\\b(?:1[89]|20)\\d{2}(?:\\s*[–-]\\s*\\d{2,4}|s)?\\b)`,
		`(?<number>\\d[\\d,.]*(?:\\s*(?:million|billion|thousand)\\b)?(?:-[A-Za-z]+)?)`
	].join('|'),
	'g'
);

const QUOTED = /“([^”]*)”|"([^"]*)"/g;

/** Curly and straight marks, and runs of spaces, compare equal. */
function normal(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** A passage matches a quote when each part (split at an ellipsis) appears in it, in order. */
export function quoteMatches(passage: string, quote: string): boolean {
	const whole = normal(quote);
	let from = 0;
	const parts = normal(passage)
		.split(/\s*(?:…|\.\.\.)\s*/)
		.map((part) => part.replace(/^[\s,.;:!?]+|[\s,.;:!?]+$/g, ''))
		.filter(Boolean);
	if (parts.length === 0) return false;
	for (const part of parts) {
		// A quote that starts mid-sentence in the copy may change the case of its first letter.
		const swapped =
			(part[0]!.toLowerCase() === part[0] ? part[0]!.toUpperCase() : part[0]!.toLowerCase()) +
			part.slice(1);
		const at = [whole.indexOf(part, from), whole.indexOf(swapped, from)].filter((i) => i >= 0);
		if (at.length === 0) return false;
		from = Math.min(...at) + part.length;
	}
	return true;
}

function shown(passage: string): string {
	const text = passage.length > 50 ? `${passage.slice(0, 47)}…` : passage;
	return `“${text}”`;
}

export function checkCopy(source: string, rows: DatasetRows): string[] {
	const problems: string[] = [];
	const at = (piece: Piece, phrase: string, message: string) =>
		problems.push(`${FILE}:${locate(source, piece.place, phrase)}: ${message}`);
	for (const piece of pieces(source)) {
		// Tokens are the data's own words: blank them out before looking for typed figures.
		let bare = piece.text.replace(TOKEN, (whole) => ' '.repeat(whole.length));
		for (const match of bare.matchAll(QUOTED)) {
			const passage = match[1] ?? match[2] ?? '';
			if (passage.trim() === '') continue;
			const found = rows.quotes.filter((row) => quoteMatches(passage, row.quote));
			if (found.length === 0) {
				at(
					piece,
					passage.slice(0, 30),
					`the quotation ${shown(passage)} matches no row of data/quotes.csv; quote the words exactly as a row there gives them, or add a row with the speaker and the source`
				);
				continue;
			}
			bare = bare.replace(match[0], ' '.repeat(match[0].length));
			checkSpeakers(found, piece, aroundQuote(piece.text, match.index), passage, at);
		}
		for (const match of bare.matchAll(TYPED)) {
			const phrase = match[0].trim().replace(/[.,]+$/, '');
			const hint = match.groups?.date
				? 'use a {date:…} token'
				: 'use a {downloads:…} or {isp-actions:…} token, or leave the figure to the chart';
			at(piece, phrase, `"${phrase}" is typed by hand; ${hint}`);
		}
	}
	const dek = pieces(source).find((piece) => piece.place.key === 'dek');
	if (dek) {
		const words = fillTokens(dek.text, rows).text.split(/\s+/).filter(Boolean).length;
		if (words > DEK_WORDS)
			at(dek, '', `the dek has ${words} words; keep it to ${DEK_WORDS} or fewer`);
	}
	return problems;
}

/**
 * The sentence holding a quotation and the one after it: where a reader looks for who said it. A
 * speaker named three sentences away (or only in passing) does not attribute the words.
 */
function aroundQuote(text: string, index: number): string {
	const boundaries = [...text.matchAll(/[.!?][”"’)]*\s+(?=[A-Z“"])/g)].map(
		(match) => match.index + match[0].length
	);
	const start = boundaries.filter((at) => at <= index).at(-1) ?? 0;
	const after = boundaries.filter((at) => at > index);
	// The quotation's own closing sentence may end inside it; skip boundaries within the marks.
	const end = after[1] ?? text.length;
	return text.slice(start, end);
}

function namesSpeaker(text: string, speaker: string): boolean {
	const escaped = speaker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Words given to more than one speaker: the copy must name each of them, not pick one silently. */
function checkSpeakers(
	found: QuoteRow[],
	piece: Piece,
	around: string,
	passage: string,
	at: (piece: Piece, phrase: string, message: string) => void
) {
	const speakers = [...new Set(found.map((row) => row.speaker))];
	if (speakers.length < 2) return;
	const missing = speakers.filter((speaker) => !namesSpeaker(around, speaker));
	if (missing.length === 0) return;
	const who = found.map((row) => `${row.speaker} (data/quotes.csv:${row.row})`).join(' and ');
	at(
		piece,
		passage.slice(0, 30),
		`the quotation ${shown(passage)} is attributed to ${who}; name each speaker here (missing: ${missing.join(', ')})`
	);
}
