/**
 * Pixel rhythm of the bar chart: a name line above each bar, then (when the bars differ in what they
 * count or when) a second line with the measure, the counter and the day, then the bar.
 */
export const BAR = 22;
export const AXIS = 24;
/** Direct labels on the bars are at least 13 px; every other chart text at least 12 px. */
export const LABEL_PX = 13;
export const META_PX = 12;

export interface Band {
	/** Height of one bar's band. */
	height: number;
	/** Baselines of the name and meta lines, and the bar's top, within the band. */
	name: number;
	meta: number;
	bar: number;
}

export function band(withMeta: boolean): Band {
	return withMeta
		? { height: 74, name: 16, meta: 33, bar: 42 }
		: { height: 56, name: 16, meta: 16, bar: 24 };
}

export function plotHeight(bars: number, withMeta: boolean): number {
	return Math.max(1, bars) * band(withMeta).height + AXIS;
}

/** The narrowest plot the bars are laid out for: a 320 px phone, or an embed in a narrow column. */
export const NARROWEST_PX = 288;
/** Widest average glyph of a bar's value at LABEL_PX (digits, commas and "more than"), in px. */
const GLYPH_PX = LABEL_PX * 0.64;
const INSIDE_PAD = 8;

export interface ValuePlacement {
	text: string;
	inside: boolean;
	/** Offset from the bar's end, in px. */
	dx: number;
}

/**
 * Where a bar's value goes, decided for the narrowest plot so it fits every width: inside the bar's end
 * when the bar can hold it, else just past it; when the full words fit neither (a mid-length bar on a
 * phone), the short form ("more than 5.5m"), whose full figure the bar's title and the table keep.
 */
export function placeValue(
	words: string,
	shortWords: string,
	endPct: number,
	atLeast: boolean
): ValuePlacement {
	const outsideDx = atLeast ? 16 : 6;
	const before = (endPct / 100) * NARROWEST_PX;
	const after = NARROWEST_PX - before;
	for (const text of [words, shortWords]) {
		const width = text.length * GLYPH_PX;
		if (width + 2 * INSIDE_PAD <= before) return { text, inside: true, dx: -INSIDE_PAD };
		if (width + outsideDx <= after) return { text, inside: false, dx: outsideDx };
	}
	return {
		text: shortWords,
		inside: before >= after,
		dx: before >= after ? -INSIDE_PAD : outsideDx
	};
}
