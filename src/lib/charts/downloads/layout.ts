/** Pixel rhythm of the bar chart: a label line above each bar. */
export const BAND = 56;
export const BAR = 22;
export const AXIS = 24;

export function plotHeight(bars: number): number {
	return Math.max(1, bars) * BAND + AXIS;
}
