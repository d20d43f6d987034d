/**
 * Finds the line of the story file a value came from, so a message about the copy can point at it
 * (`src/content/story.aml:35: …`). ArchieML itself returns values without positions; this walks the
 * same structure: top-level `key:` lines, `[list]` … `[]` blocks of `* item` lines, and lists of
 * objects, where (as in ArchieML) the first key of an item starts each new item when it comes again.
 */

/** Where a value sits: a top-level key, an item of a list, or a key of an item in a list of objects. */
export interface Place {
	list?: string;
	/** 0-based item index within the list. */
	index?: number;
	key?: string;
}

interface Span {
	/** 1-based first and last line of the value. */
	first: number;
	last: number;
}

const KEY = /^\s*([A-Za-z0-9_.-]+)\s*:/;
const LIST_OPEN = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]/;
const LIST_CLOSE = /^\s*\[\s*\]/;
const ITEM = /^\s*\*\s+/;
const END = /^\s*:end/i;

/** The lines a value spans: its key or bullet line, up to the next key, bullet or bracket line. */
export function spanOf(source: string, place: Place): Span | undefined {
	const lines = source.split(/\r\n|\r|\n/);
	let list: string | undefined;
	let delimiter: string | undefined;
	let index = -1;
	let found: Span | undefined;
	let multiline = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const n = i + 1;
		if (multiline) {
			if (END.test(line)) {
				multiline = false;
				if (found && found.last === -1) found.last = n;
			}
			continue;
		}
		const structural = LIST_OPEN.test(line) || LIST_CLOSE.test(line) || ITEM.test(line);
		const key = KEY.exec(line)?.[1];
		if (found && found.last === -1 && (structural || key !== undefined)) found.last = n - 1;
		if (LIST_CLOSE.test(line)) {
			list = undefined;
			continue;
		}
		const open = LIST_OPEN.exec(line);
		if (open) {
			list = open[1]!.toLowerCase();
			delimiter = undefined;
			index = -1;
			continue;
		}
		const wanted = (place.list ?? undefined) === list;
		if (list !== undefined && ITEM.test(line)) {
			index += 1;
			if (wanted && place.index === index && place.key === undefined)
				found = { first: n, last: -1 };
			continue;
		}
		if (key === undefined) continue;
		if (list !== undefined) {
			delimiter ??= key;
			if (key === delimiter) index += 1;
		}
		const itemMatches = list === undefined || place.index === index;
		if (wanted && itemMatches && key === place.key && !found) {
			found = { first: n, last: -1 };
			// A value that runs to `:end` continues over the lines that follow.
			const rest = lines.slice(i + 1).findIndex((next) => KEY.test(next) || END.test(next));
			multiline = rest !== -1 && END.test(lines[i + 1 + rest]!);
		}
	}
	if (found && found.last === -1) found.last = lines.length;
	return found;
}

/** The line of a value, or of the line within it that contains `phrase`; 1-based, 0 if not found. */
export function locate(source: string, place: Place, phrase?: string): number {
	const span = spanOf(source, place);
	if (!span) return 0;
	if (phrase) {
		const lines = source.split(/\r\n|\r|\n/);
		for (let n = span.first; n <= span.last; n++) if (lines[n - 1]?.includes(phrase)) return n;
	}
	return span.first;
}
