import type { FuzzyDate } from '../../schema/dates';
import { fuzzyDateInWords } from './format';
import type { KindStyle } from './kinds';
import type { Shape } from './symbols';
import {
	breaksOf,
	byDate,
	isInSegments,
	midnight,
	segmentedScale,
	segmentsFor,
	segmentTicks,
	type AxisBreak,
	type TimeSegment,
	type Tick
} from './time-axis';
import { windowOf } from './zoom';

/**
 * One row of a time chart, whatever file it came from: the layout below places these, so the timeline
 * and the providers' chart draw with one engine and one vocabulary.
 */
export interface TimeItem {
	/** `<dataset>:<row>`: the `data-row` of its mark, and the key the story's morph matches it by. */
	key: string;
	row: number;
	date: FuzzyDate;
	precision: string;
	/** The lane it sits in. */
	lane: string;
	style: KindStyle;
	/** What a direct label says: at most eight words. */
	label: string;
	/** The whole row in words, for the mark's title and text alternatives. */
	title: string;
	/** A provider's action: who acted, and what the row says they did, each a cell of the table. */
	provider?: string;
	detail?: string;
	highlighted: boolean;
}

export interface Lane {
	id: string;
	name: string;
	tone: string;
}

export type MarkStatus = 'is-hl' | 'is-dim' | 'is-later' | 'is-hidden' | '';

export interface PlacedMark {
	item: TimeItem;
	status: MarkStatus;
	/** Percent of the width: where the date's span starts and ends, and where its marker goes. */
	start: number;
	end: number;
	x: number;
	/** Percent of the lanes' height. */
	y: number;
}

export interface MarkLabel {
	key: string;
	/** The mark's position, percent. */
	x: number;
	y: number;
	/** Which way the label reads from its mark, so it stays inside the chart. */
	align: 'start' | 'middle' | 'end';
	side: 'above' | 'below';
	date: string;
	text: string;
	/** The mark's look, for a list of the step's subjects where there is no room for labels. */
	shape: Shape;
	tone: string;
	hollow: boolean;
	/**
	 * A second subject whose own label would meet this one: said in the same box, under this one,
	 * with its mark's shape and colour beside it, so the two can never overlap at any width.
	 */
	also?: Omit<MarkLabel, 'x' | 'y' | 'align' | 'side' | 'also'> & {
		/** It comes before this label's subject in date (then row) order, so a list names it first. */
		readsFirst: boolean;
	};
}

export interface LanePlacement extends Lane {
	/** Top and height, percent of the lanes' height; 0 when no row of it is in view. */
	top: number;
	height: number;
}

export interface TimeLayout {
	segments: TimeSegment[];
	breaks: AxisBreak[];
	ticks: Tick[];
	lanes: LanePlacement[];
	marks: PlacedMark[];
	labels: MarkLabel[];
	/** The story's "now", percent of the width, with its date in words. */
	now?: { x: number; label: string };
	/** Rows of marks (and lane names) stacked top to bottom: what the natural height is made of. */
	units: number;
}

/** The step's subjects in date order, as one list: each label, and any second one said in its box. */
export function subjectsOf(
	labels: readonly MarkLabel[]
): Omit<MarkLabel, 'x' | 'y' | 'align' | 'side' | 'also'>[] {
	return labels
		.flatMap(({ also, ...label }) =>
			!also ? [label] : also.readsFirst ? [also, label] : [label, also]
		)
		.map(({ key, date, text, shape, tone, hollow }) => ({ key, date, text, shape, tone, hollow }));
}

/** Marks nearer than this (percent of the width) in one lane take separate rows, so none hides another. */
const MIN_SEPARATION = 2.6;
/** The widest a direct label may be, percent of the width (charts.css says the same). */
const LABEL_WIDTH = 46;
/** A step's subject gets a direct label; more than two labels crowd a phone's chart. */
export const MAX_LABELS = 2;
const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The first clause of a sentence, cut to eight words: a direct label, never a paragraph. */
export function shortLabel(text: string, words = 8): string {
	const clause = text.split(/;|\s[–—]\s/)[0]!.trim();
	const parts = clause.split(/\s+/);
	return parts.length <= words ? clause : `${parts.slice(0, words).join(' ')}…`;
}

/** The step's subject: its last labelled row, if it has one. */
function subjectOf(items: readonly TimeItem[]): TimeItem | undefined {
	return items
		.filter((item) => item.highlighted)
		.sort(byDate)
		.at(-1);
}

/** Where the story's "now" is: the step's own `now`, its subject's date, or its `until`. */
export function nowOf(
	items: readonly TimeItem[],
	state: { now?: string; until?: string }
): string | undefined {
	return state.now ?? subjectOf(items)?.date.end ?? state.until;
}

function statusOf(
	item: TimeItem,
	shown: boolean,
	anyHighlight: boolean,
	until: string | undefined
): MarkStatus {
	if (!shown) return 'is-hidden';
	if (item.highlighted) return 'is-hl';
	if (until && item.date.start > until) return 'is-later';
	if (anyHighlight) return 'is-dim';
	return '';
}

/** Rows per lane that marks need, given where they fall: a greedy pass left to right. */
function stackRows(marks: PlacedMark[]): Map<PlacedMark, number> {
	const rowOf = new Map<PlacedMark, number>();
	const byLane = new Map<string, PlacedMark[]>();
	for (const mark of marks)
		byLane.set(mark.item.lane, [...(byLane.get(mark.item.lane) ?? []), mark]);
	for (const laneMarks of byLane.values()) {
		const ends: number[] = [];
		for (const mark of [...laneMarks].sort((a, b) => a.start - b.start || a.x - b.x)) {
			let row = ends.findIndex((end) => end + MIN_SEPARATION <= mark.start);
			if (row === -1) row = ends.push(-Infinity) - 1;
			ends[row] = Math.max(mark.end, mark.x);
			rowOf.set(mark, row);
		}
	}
	return rowOf;
}

/** A time plot's height where nothing fits it to a screen (an embed, a phone's story), px: 20 a row. */
export function naturalHeight(units: number): number {
	return Math.max(8, units) * 20 + 8;
}

/** A direct label's height on the smallest plot it is drawn on: a date and up to three lines, px. */
const LABEL_HEIGHT_PX = 64;

type Box = [x0: number, x1: number, y0: number, y1: number];

/**
 * Where a label's box may reach, percent of the plot: as wide as a label may run (LABEL_WIDTH, read
 * from its mark as it aligns), and as tall as a date and three lines on a phone's plot (LABEL_HEIGHT_PX).
 */
function boxOf(
	label: Pick<MarkLabel, 'x' | 'y' | 'align'>,
	side: MarkLabel['side'],
	plotHeightPx: number
): Box {
	const [x0, x1] =
		label.align === 'start'
			? [label.x, label.x + LABEL_WIDTH]
			: label.align === 'end'
				? [label.x - LABEL_WIDTH, label.x]
				: // Centred on a wide plot, reading rightwards on a narrow one (charts.css): either.
					[label.x - LABEL_WIDTH / 2, label.x + LABEL_WIDTH];
	const height = (LABEL_HEIGHT_PX / plotHeightPx) * 100;
	return side === 'above'
		? [x0, x1, label.y - height, label.y]
		: [x0, x1, label.y, label.y + height];
}

/**
 * The stretch of the plot's height, percent, that a direct label may take where its box reaches
 * across `x` (boxOf, on the plot `plotHeightPx` tall; a shared box says two subjects, so twice as
 * tall), so other words can keep clear of it; undefined where it does not reach `x`.
 */
export function labelSpanAt(
	label: MarkLabel,
	x: number,
	plotHeightPx: number
): [top: number, bottom: number] | undefined {
	const [x0, x1, y0, y1] = boxOf(label, label.side, plotHeightPx / (label.also ? 2 : 1));
	return x >= x0 && x <= x1 ? [Math.max(0, y0), Math.min(100, y1)] : undefined;
}

const overlaps = (a: Box, b: Box) =>
	Math.min(a[1], b[1]) > Math.max(a[0], b[0]) && Math.min(a[3], b[3]) > Math.max(a[2], b[2]);

/** Past the plot's bottom a label would cover the axis; past its top, the "now" date. */
const inPlot = (box: Box) => box[2] >= 0 && box[3] <= 100;

/** How much covering a mark costs a label's placement: a subject most, a later (faint) mark least. */
const COVER_COST: Record<MarkStatus, number> = {
	'is-hl': 4,
	'': 1,
	'is-dim': 1,
	'is-later': 0.5,
	'is-hidden': 0
};

/**
 * What a label's box (boxOf, a phone's) covers on one side of its mark, COVER_COST per mark, or
 * Infinity where the box would leave the plot.
 */
function coverCost(
	label: Pick<MarkLabel, 'key' | 'x' | 'y' | 'align'>,
	side: MarkLabel['side'],
	marks: readonly PlacedMark[],
	plotHeightPx: number
): number {
	const [x0, x1, y0, y1] = boxOf(label, side, plotHeightPx);
	if (!inPlot([x0, x1, y0, y1])) return Infinity;
	return marks
		.filter((mark) => mark.item.key !== label.key)
		.filter((mark) => mark.x >= x0 && mark.x <= x1 && mark.y > y0 && mark.y < y1)
		.reduce((sum, mark) => sum + COVER_COST[mark.status], 0);
}

/**
 * Which side of its mark a label reads on: of the sides where its box stays inside the plot, the one
 * that covers the fewest marks (coverCost), a subject counting most. A tie keeps the plain rule:
 * above a mark in the lower part of the plot, below one in the upper part.
 */
function sideFor(
	label: Pick<MarkLabel, 'key' | 'x' | 'y' | 'align'>,
	marks: readonly PlacedMark[],
	plotHeightPx: number
): MarkLabel['side'] {
	const plain = label.y > 55 ? 'above' : 'below';
	const other = plain === 'above' ? 'below' : 'above';
	const cost = (side: MarkLabel['side']) => coverCost(label, side, marks, plotHeightPx);
	return cost(other) < cost(plain) ? other : plain;
}

/**
 * Direct labels for up to two marks, placed so they stay inside the plot and clear of each other:
 * on the side of the mark where they cover the fewest other marks (sideFor); two that would meet there
 * take the sides that keep them apart (both above, both below, or away from each other), or read away
 * from each other (the earlier one leftwards, the later one rightwards); else they share one box.
 */
function labelsApart(
	marks: PlacedMark[],
	allMarks: readonly PlacedMark[],
	plotHeightPx: number
): MarkLabel[] {
	const chosen = marks.slice(0, MAX_LABELS).sort((a, b) => a.x - b.x);
	const labels: MarkLabel[] = chosen.map((mark) => ({
		key: mark.item.key,
		x: mark.x,
		y: mark.y,
		align: edgeAlign(mark.x),
		side: mark.y > 55 ? 'above' : 'below',
		date: fuzzyDateInWords(mark.item.date, mark.item.precision as never),
		text: mark.item.label,
		shape: mark.item.style.shape,
		tone: mark.item.style.tone,
		hollow: mark.item.precision !== 'day'
	}));
	const [first, second] = labels;
	// Each label reads on its own best side, unless that puts two where they would meet.
	const best = labels.map((label) => sideFor(label, allMarks, plotHeightPx));
	if (
		!second ||
		!overlaps(boxOf(first!, best[0]!, plotHeightPx), boxOf(second, best[1]!, plotHeightPx))
	) {
		labels.forEach((label, index) => (label.side = best[index]!));
		return labels;
	}
	// Else, of these, the one covering fewest marks where both stay inside the plot and clear of each
	// other: both above their marks, both below, or the upper one above and the lower one below.
	const arrangements: [MarkLabel['side'], MarkLabel['side']][] = [
		['above', 'above'],
		['below', 'below'],
		first!.y < second.y ? ['above', 'below'] : ['below', 'above']
	];
	const clear = arrangements
		.filter(
			([sideA, sideB]) =>
				!overlaps(boxOf(first!, sideA, plotHeightPx), boxOf(second, sideB, plotHeightPx))
		)
		.map((sides) => ({
			sides,
			cost:
				coverCost(first!, sides[0], allMarks, plotHeightPx) +
				coverCost(second, sides[1], allMarks, plotHeightPx)
		}))
		.filter(({ cost }) => cost < Infinity)
		.sort((a, b) => a.cost - b.cost)[0];
	if (clear) {
		[first!.side, second.side] = clear.sides;
		return labels;
	}
	// Else they read away from each other, leftwards and rightwards, where the plot has room. Two
	// subjects too close to label apart either way share one box, the later mark's, the earlier named
	// by its shape.
	if (first!.x >= LABEL_WIDTH && second.x <= 100 - LABEL_WIDTH) {
		first!.align = 'end';
		second.align = 'start';
		return labels;
	}
	return [shareBox(first!, second)];
}

/**
 * One box for two labels in date order: at the later one's mark (the step's subject), the earlier said
 * under it with its mark's shape; or, `atEarlier`, the other way round (leastCovering).
 */
function shareBox(earlier: MarkLabel, later: MarkLabel, atEarlier = false): MarkLabel {
	const [anchor, other] = atEarlier ? [earlier, later] : [later, earlier];
	const { key, date, text, shape, tone, hollow } = other;
	return {
		...anchor,
		align: edgeAlign(anchor.x),
		also: { key, date, text, shape, tone, hollow, readsFirst: !atEarlier }
	};
}

/** Which way a label reads from a mark near the plot's left or right edge, so it stays inside. */
const edgeAlign = (x: number): MarkLabel['align'] => (x < 30 ? 'start' : x > 70 ? 'end' : 'middle');

/**
 * Two labels near each other that cover one of the step's subjects however they are kept apart (a
 * column of same-day rows) say both subjects in one box instead, at whichever of the two marks leaves
 * the most in sight, where that box covers no subject and less than the two.
 */
function leastCovering(
	labels: MarkLabel[],
	marks: readonly PlacedMark[],
	plotHeightPx: number
): MarkLabel[] {
	const [first, second] = labels;
	if (!first || !second || Math.abs(first.x - second.x) > LABEL_WIDTH / 2) return labels;
	const cost = (label: MarkLabel) => coverCost(label, label.side, marks, plotHeightPx);
	const subjects = marks.filter((mark) => mark.status === 'is-hl');
	const coversSubject = (label: MarkLabel) =>
		coverCost(label, label.side, subjects, plotHeightPx) > 0;
	if (!coversSubject(first) && !coversSubject(second)) return labels;
	const shared = [shareBox(first, second), shareBox(first, second, true)]
		.map((box) => ({ ...box, side: sideFor(box, marks, plotHeightPx) }))
		.reduce((best, box) => (cost(box) < cost(best) ? box : best));
	return !coversSubject(shared) && cost(shared) < cost(first) + cost(second) ? [shared] : labels;
}

/**
 * Direct labels for the step's subjects (up to two, in date order): kept apart where they can be
 * (labelsApart), in one box where apart they would cover another subject (leastCovering).
 */
function labelsFor(
	marks: PlacedMark[],
	allMarks: readonly PlacedMark[],
	plotHeightPx: number
): MarkLabel[] {
	return leastCovering(labelsApart(marks, allMarks, plotHeightPx), allMarks, plotHeightPx);
}

/**
 * Places every row of a time chart for one state: the stretches of calendar from the rows and the
 * camera, a lane per kind, a row within the lane for marks that would touch, and direct labels for the
 * step's subject. Every row gets a mark; the ones the camera leaves out are hidden, not dropped.
 */
export function layoutTime(
	items: readonly TimeItem[],
	lanes: readonly Lane[],
	state: { zoom: string; until?: string; now?: string }
): TimeLayout {
	const window = windowOf(state.zoom);
	const segments = segmentsFor(
		items.map((item) => item.date),
		window
	);
	const scale = segmentedScale(segments);
	const position = (day: string, plus = 0) => clamp(scale(midnight(day, plus)));
	const anyHighlight = items.some((item) => item.highlighted && isInSegments(segments, item.date));
	const marks: PlacedMark[] = items.map((item) => {
		const shown = isInSegments(segments, item.date);
		const start = position(item.date.start);
		const end = position(item.date.end, 1);
		return {
			item,
			status: statusOf(item, shown, anyHighlight, state.until),
			start,
			end,
			x: (start + end) / 2,
			y: 0
		};
	});
	const rows = stackRows(marks.filter((mark) => mark.status !== 'is-hidden'));
	const rowsPerLane = new Map<string, number>();
	for (const [mark, row] of rows) {
		rowsPerLane.set(mark.item.lane, Math.max(rowsPerLane.get(mark.item.lane) ?? 1, row + 1));
	}
	// A lane's height follows the rows its marks need, plus one for its name; a lane with nothing in
	// the camera's view folds to nothing (it stays in the markup, so lanes keep their order as it moves).
	const units = lanes.map((lane) => (rowsPerLane.has(lane.id) ? rowsPerLane.get(lane.id)! + 1 : 0));
	const total = units.reduce((sum, unit) => sum + unit, 0) || 1;
	let top = 0;
	const placedLanes: LanePlacement[] = lanes.map((lane, index) => {
		const height = (units[index]! / total) * 100;
		const placed = { ...lane, top, height };
		top += height;
		return placed;
	});
	const laneById = new Map(placedLanes.map((lane) => [lane.id, lane]));
	for (const mark of marks) {
		const lane = laneById.get(mark.item.lane);
		if (!lane) continue;
		const laneRows = rowsPerLane.get(lane.id) ?? 1;
		const row = rows.get(mark) ?? 0;
		const rowHeight = lane.height / (laneRows + 1);
		mark.y = lane.top + rowHeight * (row + 1.5);
	}
	const labels = labelsFor(
		marks.filter((mark) => mark.status === 'is-hl').sort((a, b) => byDate(a.item, b.item)),
		marks,
		naturalHeight(total)
	);
	const nowDay = nowOf(items, state);
	const now =
		nowDay && segments.some((segment) => nowDay >= segment.start && nowDay <= segment.end)
			? {
					x: position(nowDay, 0.5),
					// Said as precisely as the sources say it: "early October 2010", not a made-up day.
					label:
						!state.now && subjectOf(items)
							? fuzzyDateInWords(subjectOf(items)!.date, subjectOf(items)!.precision as never)
							: fuzzyDateInWords({ text: nowDay, start: nowDay, end: nowDay }, 'day')
				}
			: undefined;
	return {
		segments,
		breaks: breaksOf(segments),
		ticks: segmentTicks(segments),
		lanes: placedLanes,
		marks,
		labels,
		now,
		units: total
	};
}
