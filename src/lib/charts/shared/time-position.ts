import type { FuzzyDate } from '../../schema/dates';

/** Where a fuzzy date sits on a segmented axis, in percent: its span and the point a marker goes. */
export interface Span {
	start: number;
	end: number;
	mid: number;
}

const clamp = (value: number) => Math.min(106, Math.max(-6, value));

export function spanOf(date: FuzzyDate, scale: (date: Date) => number): Span {
	const start = clamp(scale(new Date(`${date.start}T00:00:00Z`)));
	const end = clamp(scale(new Date(`${date.end}T23:59:59Z`)));
	return { start, end, mid: (start + end) / 2 };
}
