import { scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';

/** A stretch of the calendar the chart draws; the years between stretches are a visible gap. */
export interface TimeSegment {
	/** First and last day drawn, YYYY-MM-DD. */
	start: string;
	end: string;
	/** Share of the chart's width (or height) this stretch gets, 0–100. */
	size: number;
}

/** Segments run from the first midnight of their first day to the last midnight of their last. */
function midnight(day: string, plusDays = 0): Date {
	return new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);
}

/** Space between segments, in percent: wide enough to hold the gap's marker, narrow enough to read as a break. */
export const GAP = 6;

export type Zoom = 'all' | '2010' | '2014';

/**
 * The story's two stretches of calendar: the autumn of 2010 and the winter of 2014. Nothing in the sources
 * happens between them (2011–13), so that span is drawn as a labelled gap rather than empty years.
 */
export function storySegments(zoom: Zoom): TimeSegment[] {
	const autumn2010 = { start: '2010-07-01', end: '2011-01-31' };
	const winter2014 = { start: '2014-11-20', end: '2014-12-06' };
	if (zoom === '2010') return [{ ...autumn2010, size: 100 }];
	if (zoom === '2014') return [{ ...winter2014, size: 100 }];
	return [
		{ ...autumn2010, size: 68 },
		{ ...winter2014, size: 100 - 68 - GAP }
	];
}

/** A piecewise UTC scale: d3 maps each segment onto its share of 0–100 and the gap onto the break. */
export function segmentedScale(segments: TimeSegment[], extent: [number, number] = [0, 100]) {
	const domain: Date[] = [];
	const range: number[] = [];
	let offset = 0;
	segments.forEach((segment, index) => {
		if (index > 0) offset += GAP;
		domain.push(midnight(segment.start), midnight(segment.end, 1));
		range.push(offset, offset + segment.size);
		offset += segment.size;
	});
	const [from, to] = extent;
	return scaleUtc()
		.domain(domain)
		.range(range.map((value) => from + (value * (to - from)) / 100));
}

/** Where each break between segments starts and ends on the scale, for drawing the gap. */
export function gapsOn(segments: TimeSegment[], scale: (date: Date) => number) {
	return segments.slice(1).map((segment, index) => {
		const start = scale(midnight(segments[index]!.end, 1));
		const end = scale(midnight(segment.start));
		return { start, end, mid: (start + end) / 2 };
	});
}

export function tickPosition(tick: Tick, scale: (date: Date) => number): number {
	return scale(midnight(tick.day));
}

/** Whether any part of a (possibly uncertain) date is in the stretch of calendar a zoom draws. */
export function isInZoom(date: { start: string; end: string }, zoom: Zoom): boolean {
	const segments = storySegments(zoom);
	return isDrawn(segments, date.start) || isDrawn(segments, date.end);
}

/** Oldest first, then file order: the order marks are numbered and explained in. */
export function byDate(
	a: { date: { start: string }; row: number },
	b: { date: { start: string }; row: number }
): number {
	return a.date.start.localeCompare(b.date.start) || a.row - b.row;
}

/** Whether a day falls in a drawn stretch (an event in a hidden stretch is hidden, not squashed at the edge). */
export function isDrawn(segments: TimeSegment[], day: string): boolean {
	return segments.some((segment) => day >= segment.start && day <= segment.end);
}

export interface Tick {
	day: string;
	label: string;
	/** Shown only on wide charts, so narrow ones keep fewer labels. */
	minor: boolean;
	/** The year, under the first tick of each segment and at each new year. */
	year?: string;
}

const monthLabel = utcFormat('%b');
const dayLabel = utcFormat('%-d %b');

/** Ticks per segment from d3's calendar-aware tick picker, roughly one per 12% of width. */
export function segmentTicks(segments: TimeSegment[]): Tick[] {
	const ticks: Tick[] = [];
	for (const segment of segments) {
		const scale = scaleUtc().domain([midnight(segment.start), midnight(segment.end, 1)]);
		const dates = scale.ticks(Math.max(2, Math.round(segment.size / 12)));
		let lastYear = '';
		dates.forEach((date, index) => {
			const day = date.toISOString().slice(0, 10);
			const year = day.slice(0, 4);
			if (day > segment.end) return;
			ticks.push({
				day,
				label: date.getUTCDate() === 1 ? monthLabel(date) : dayLabel(date),
				minor: index % 2 === 1,
				year: year !== lastYear ? year : undefined
			});
			lastYear = year;
		});
	}
	return ticks;
}
