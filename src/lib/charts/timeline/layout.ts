import { CATEGORIES, type Category } from '../../schema/timeline';

/** Horizontal layout (wide containers): one lane per category, time running right. */
export const H = { top: 20, lane: 32, axis: 36 } as const;
export const H_HEIGHT = H.top + CATEGORIES.length * H.lane + H.axis;

/** Vertical layout (narrow containers): one column per category, time running down. */
export const V = { height: 440, top: 30, bottom: 8, gutter: 24 } as const;

export function laneTop(category: Category): number {
	return H.top + CATEGORIES.indexOf(category) * H.lane;
}

/** Centre of a category's column, percent of the width, right of the tick-label gutter. */
export function columnCentre(category: Category): number {
	const width = (100 - V.gutter) / CATEGORIES.length;
	return V.gutter + (CATEGORIES.indexOf(category) + 0.5) * width;
}

/** The vertical chart's time range in percent of its height, below the column headers. */
export const V_EXTENT: [number, number] = [
	(V.top / V.height) * 100,
	100 - (V.bottom / V.height) * 100
];
