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
