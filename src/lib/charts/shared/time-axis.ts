import { scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';

/**
 * The calendar a time chart draws comes from its rows, never from constants: this file is the rule.
 *
 * - Rows are gathered into stretches: a stretch ends where no row falls for more than BREAK_DAYS
 *   (about six months). Between stretches the axis breaks, and each break is labelled with the months
 *   it really skips ("Feb 2011 – Oct 2014").
 * - No chart draws more than MAX_SEGMENTS stretches: if the rows would need more, the threshold doubles
 *   until they fit, so a dataset spread over decades still reads as a few panels.
 * - Each stretch gets a share of the width in proportion to the rows it holds (at least MIN_SHARE), since
 *   the rows, not the empty days between them, are what a reader looks at.
 * - A story step's window (`zoom: 2010-09-18/2010-10-06`) is the camera: only the rows inside it count,
 *   and a window that holds one stretch is drawn edge to edge, exactly as written.
 */
export const BREAK_DAYS = 183;
export const MAX_SEGMENTS = 4;
export const MIN_SHARE = 18;
/** Percent of the width kept clear at each end, for the marks on the calendar's first and last days. */
export const INSET = 3.5;
/** Space between stretches, in percent of the width: the break's column. */
export const GAP = 7;

const DAY = 86_400_000;

/** A stretch of the calendar the chart draws. */
export interface TimeSegment {
	/** First and last day drawn, YYYY-MM-DD. */
	start: string;
	end: string;
	/** Share of the chart's width this stretch gets, 0–100. */
	size: number;
	/** How many rows fall in it. */
	rows: number;
	/** First and last day its rows cover (the stretch itself has a little air either side). */
	first: string;
	last: string;
}

/** A span of days, inclusive, YYYY-MM-DD. */
export interface DaySpan {
	start: string;
	end: string;
}

export function midnight(day: string, plusDays = 0): Date {
	return new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * DAY);
}

function dayOf(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
	return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
}

/** Whether two day spans share at least one day. */
export function overlaps(span: DaySpan, window: DaySpan): boolean {
	return span.end >= window.start && span.start <= window.end;
}

function clusters(spans: DaySpan[], breakDays: number): DaySpan[][] {
	const sorted = [...spans].sort(
		(a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)
	);
	const groups: DaySpan[][] = [];
	let end = '';
	for (const span of sorted) {
		const group = groups.at(-1);
		if (group && daysBetween(end, span.start) <= breakDays) {
			group.push(span);
			if (span.end > end) end = span.end;
		} else {
			groups.push([span]);
			end = span.end;
		}
	}
	return groups;
}

/** Widths in proportion to rows, each at least MIN_SHARE (or an even share when that can't hold). */
function shares(counts: number[], total: number): number[] {
	const floor = Math.min(MIN_SHARE, total / counts.length);
	const free = total - floor * counts.length;
	const rows = counts.reduce((sum, count) => sum + count, 0) || 1;
	return counts.map((count) => floor + (free * count) / rows);
}

/** A little air either side of a stretch, so its first and last marks are not on the chart's edge. */
function padded(group: DaySpan[]): DaySpan {
	const start = group.reduce((min, span) => (span.start < min ? span.start : min), group[0]!.start);
	const end = group.reduce((max, span) => (span.end > max ? span.end : max), group[0]!.end);
	const pad = Math.max(3, Math.round(daysBetween(start, end) * 0.05));
	return {
		start: dayOf(Date.parse(`${start}T00:00:00Z`) - pad * DAY),
		end: dayOf(Date.parse(`${end}T00:00:00Z`) + pad * DAY)
	};
}

/**
 * The stretches a time chart draws for these rows' dates, seen through an optional window. With no row
 * in view, the window itself (or, with neither, nothing) is drawn, so the chart is never blank by error.
 */
export function segmentsFor(dates: readonly DaySpan[], window?: DaySpan): TimeSegment[] {
	const inView = window ? dates.filter((date) => overlaps(date, window)) : [...dates];
	if (inView.length === 0) {
		return window ? [{ ...window, size: 100, rows: 0, first: window.start, last: window.end }] : [];
	}
	let breakDays = BREAK_DAYS;
	let groups = clusters(inView, breakDays);
	while (groups.length > MAX_SEGMENTS) {
		breakDays *= 2;
		groups = clusters(inView, breakDays);
	}
	const extent = (group: DaySpan[]) => ({
		first: group.reduce((min, span) => (span.start < min ? span.start : min), group[0]!.start),
		last: group.reduce((max, span) => (span.end > max ? span.end : max), group[0]!.end)
	});
	if (window && groups.length === 1)
		return [{ ...window, size: 100, rows: inView.length, ...extent(groups[0]!) }];
	const spans = groups.map((group) => {
		const span = padded(group);
		if (!window) return span;
		return {
			start: span.start < window.start ? window.start : span.start,
			end: span.end > window.end ? window.end : span.end
		};
	});
	const widths = shares(
		groups.map((group) => group.length),
		100 - GAP * (groups.length - 1)
	);
	return spans.map((span, index) => ({
		...span,
		size: widths[index]!,
		rows: groups[index]!.length,
		...extent(groups[index]!)
	}));
}

/** A piecewise UTC scale: d3 maps each stretch onto its share of 0–100 and each break onto its gap. */
export function segmentedScale(segments: readonly TimeSegment[]) {
	const domain: Date[] = [];
	const range: number[] = [];
	let offset = 0;
	segments.forEach((segment, index) => {
		if (index > 0) offset += GAP;
		domain.push(midnight(segment.start), midnight(segment.end, 1));
		range.push(offset, offset + segment.size);
		offset += segment.size;
	});
	if (domain.length === 0)
		return scaleUtc()
			.domain([midnight('2000-01-01'), midnight('2000-01-02')])
			.range([INSET, 100 - INSET]);
	// The calendar runs from INSET to 100 − INSET: a mark on the first or last day keeps its whole
	// shape inside the chart, even on a phone.
	return scaleUtc()
		.domain(domain)
		.range(range.map((value) => INSET + (value * (100 - 2 * INSET)) / 100));
}

const monthYear = utcFormat('%b %Y');
const dayShort = utcFormat('%-d %b %Y');
const monthYearLong = utcFormat('%B %Y');
const dayLong = utcFormat('%-d %B %Y');

const monthAfter = (day: string) => {
	const date = midnight(day);
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
};
const monthBefore = (day: string) => {
	const date = midnight(day);
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1));
};

/**
 * The whole months a break skips, between the last row before it and the first row after it, in words:
 * "Feb 2011 – Oct 2014", one month "Mar 2012", or, when rows fall in neighbouring months, the days.
 */
export function skippedInWords(before: TimeSegment, after: TimeSegment): string {
	const from = monthAfter(before.last);
	const to = monthBefore(after.first);
	if (from > to)
		return `${dayShort(midnight(before.last, 1))} – ${dayShort(midnight(after.first, -1))}`;
	const fromText = monthYear(from);
	const toText = monthYear(to);
	return fromText === toText ? fromText : `${fromText} – ${toText}`;
}

/**
 * The same stretch for prose: "between February 2011 and October 2014", "in March 2012", or "between
 * 2 March 2011 and 30 April 2011" when rows fall in neighbouring months.
 */
export function skippedInProse(before: TimeSegment, after: TimeSegment): string {
	const from = monthAfter(before.last);
	const to = monthBefore(after.first);
	if (from > to)
		return `between ${dayLong(midnight(before.last, 1))} and ${dayLong(midnight(after.first, -1))}`;
	const fromText = monthYearLong(from);
	const toText = monthYearLong(to);
	return fromText === toText ? `in ${fromText}` : `between ${fromText} and ${toText}`;
}

export interface AxisBreak {
	/** Where the break's column starts and ends, percent of the width. */
	start: number;
	end: number;
	mid: number;
	/** The months it skips, in words. */
	label: string;
}

/** Each break between stretches: where it is drawn and what it skips. */
export function breaksOf(segments: readonly TimeSegment[]): AxisBreak[] {
	const scale = segmentedScale(segments);
	return segments.slice(1).map((segment, index) => {
		const before = segments[index]!;
		const start = scale(midnight(before.end, 1));
		const end = scale(midnight(segment.start));
		return { start, end, mid: (start + end) / 2, label: skippedInWords(before, segment) };
	});
}

/** Whether a day falls in a drawn stretch (a row in a skipped stretch is hidden, not squashed at the edge). */
export function isDrawn(segments: readonly TimeSegment[], day: string): boolean {
	return segments.some((segment) => day >= segment.start && day <= segment.end);
}

/** Whether any part of a (possibly uncertain) date is in a drawn stretch. */
export function isInSegments(segments: readonly TimeSegment[], date: DaySpan): boolean {
	return segments.some((segment) => overlaps(date, segment));
}

/** Oldest first, then file order: the order marks are described and labelled in. */
export function byDate(
	a: { date: { start: string }; row: number },
	b: { date: { start: string }; row: number }
): number {
	return a.date.start.localeCompare(b.date.start) || a.row - b.row;
}

export interface Tick {
	day: string;
	label: string;
	/** Shown only on wide charts, so narrow ones keep fewer labels. */
	minor: boolean;
	/** Position, percent of the width. */
	at: number;
}

const dayLabel = utcFormat('%-d %b');
const monthLabel = utcFormat('%b');
const yearLabel = utcFormat('%Y');

/**
 * Ticks per stretch from d3's calendar-aware picker: about one labelled tick per 22 % of the width (so
 * labels never meet at 320 px), twice that on wide charts. A stretch of days shows days, of months
 * months, of years years; each stretch's years are its panel title (panelTitle).
 */
export function segmentTicks(segments: readonly TimeSegment[]): Tick[] {
	const scale = segmentedScale(segments);
	const ticks: Tick[] = [];
	for (const segment of segments) {
		const local = scaleUtc().domain([midnight(segment.start), midnight(segment.end, 1)]);
		const spanDays = daysBetween(segment.start, segment.end) + 1;
		const major = Math.max(1, Math.floor(segment.size / 22));
		const dates = local.ticks(major * 2);
		const labelOf = (date: Date) =>
			spanDays > 3 * 366 ? yearLabel(date) : spanDays > 62 ? monthLabel(date) : dayLabel(date);
		const step = Math.max(1, Math.ceil(dates.length / major));
		dates.forEach((date, index) => {
			const day = date.toISOString().slice(0, 10);
			if (day < segment.start || day > segment.end) return;
			ticks.push({
				day,
				label: labelOf(date),
				minor: index % step !== 0,
				at: scale(date)
			});
		});
	}
	return ticks;
}

/** A stretch's title under the axis: its year, or first and last year ("2010–11"). */
export function panelTitle(segment: TimeSegment): string {
	const first = segment.start.slice(0, 4);
	const last = segment.end.slice(0, 4);
	if (first === last) return first;
	return first.slice(0, 2) === last.slice(0, 2) ? `${first}–${last.slice(2)}` : `${first}–${last}`;
}
