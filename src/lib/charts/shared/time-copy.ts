import { countInWords, dayInWords, fuzzyDateInWords, listInWords } from './format';
import { ACTION_STYLE, CATEGORY_STYLE, type KindStyle } from './kinds';
import type { Shape } from './symbols';
import type { TableModel } from './table-model';
import { panelTitle, type AxisBreak, type DaySpan, type TimeSegment } from './time-axis';
import type { TimeItem, TimeLayout } from './time-marks';
import { windowOf } from './zoom';

/** The span a state shows, in words: the years of the whole chart, or the camera's window. */
export function spanInWords(layout: TimeLayout, zoom: string): string {
	const window = windowOf(zoom);
	if (window) return `${dayInWords(window.start)} to ${dayInWords(window.end)}`;
	const first = layout.segments[0];
	const last = layout.segments.at(-1);
	if (!first || !last) return 'no dates';
	const from = first.start.slice(0, 4);
	const to = last.end.slice(0, 4);
	return from === to ? from : `${from} to ${to}`;
}

/** What the axis leaves out, computed from the rows: "the axis skips Feb 2011 – Oct 2014, when no row falls". */
export function breaksInWords(breaks: readonly AxisBreak[]): string {
	if (breaks.length === 0) return '';
	return `the axis skips ${listInWords(breaks.map((gap) => gap.label))}, when no row falls`;
}

export function itemSentence(item: TimeItem): string {
	return `${fuzzyDateInWords(item.date, item.precision as never)}: ${item.title}`;
}

/** The one-sentence text alternative for a time chart in one state. */
export function describeTime(what: string, layout: TimeLayout, zoom: string): string {
	const shown = layout.marks.filter((mark) => mark.status !== 'is-hidden');
	const lanes = layout.lanes.map((lane) => lane.name).join(', ');
	const gaps = breaksInWords(layout.breaks);
	const lead = `${what}: ${shown.length} of ${layout.marks.length} rows, ${spanInWords(layout, zoom)}, in lanes: ${lanes}${gaps ? `; ${gaps}` : ''}`;
	const focus = shown
		.filter((mark) => mark.status === 'is-hl')
		.map((mark) => itemSentence(mark.item));
	return focus.length ? `${lead}. Highlighted: ${focus.join('; ')}.` : `${lead}.`;
}

/**
 * A time chart's one-line description, from its full view: what its lanes are and the years drawn.
 * "One lane per provider (BT, Plusnet and Sky), 2010 to 2014; each shape is one kind of action."
 */
export function timeDescription(lanesAre: 'providers' | 'kinds', layout: TimeLayout): string {
	if (layout.lanes.length === 0) return 'No rows yet.';
	const span = spanInWords(layout, 'all');
	const names = layout.lanes.map((lane) => lane.name);
	if (lanesAre === 'providers') {
		const which = names.length > 6 ? `${names.length} of them` : listInWords(names);
		return `One lane per provider (${which}), ${span}; each shape is one kind of action.`;
	}
	const kinds = names.map((name, index) => (index === 0 ? name : name.toLowerCase()));
	return `${listInWords(kinds)}, ${span}, each in its own lane; each shape is one kind of row.`;
}

/** Method notes for a time chart, computed from its full view: what uncertain dates look like, and what the axis skips. */
export function timeNotes(layout: TimeLayout): string {
	const gaps = breaksInWords(layout.breaks);
	const precisions = new Set(layout.marks.map((mark) => mark.item.precision));
	const parts = [
		'Hollow marks: the date is not known to the day (approximate, a month, a span or disputed); a band spans the days it could be.'
	];
	if (precisions.has('by'))
		parts.push('A line leading in: the sources say only that it had happened by that date.');
	if (gaps) parts.push(`Where the calendar breaks, ${gaps}.`);
	return parts.join(' ');
}

/** The vocabulary's order: kinds of event, then kinds of provider action. */
const VOCABULARY: KindStyle[] = [...Object.values(CATEGORY_STYLE), ...Object.values(ACTION_STYLE)];

/** A key entry for each kind of row drawn, in the vocabulary's order, and one for uncertain dates. */
export function timeLegend(items: readonly TimeItem[]) {
	const kinds = new Map<string, KindStyle>();
	const present = new Set(items.map((item) => item.style));
	for (const style of VOCABULARY)
		if (present.has(style)) kinds.set(`${style.shape}:${style.tone}`, style);
	const entries: { key: string; name: string; shape: Shape; tone: string; hollow?: boolean }[] = [
		...kinds.entries()
	].map(([key, style]) => ({ key, name: style.name, shape: style.shape, tone: style.tone }));
	if (items.some((item) => item.precision !== 'day'))
		entries.push({
			key: 'approx',
			name: 'Hollow: date not known to the day',
			shape: 'circle',
			tone: 'cat-court',
			hollow: true
		});
	return entries;
}

export function timeTable(
	caption: string,
	layout: TimeLayout,
	extra: (item: TimeItem) => { count?: string; note?: string }
): TableModel {
	const laneName = new Map(layout.lanes.map((lane) => [lane.id, lane.name]));
	return {
		caption,
		columns: [
			{ key: 'date', label: 'Date' },
			{ key: 'lane', label: 'Lane' },
			{ key: 'kind', label: 'Kind' },
			{ key: 'what', label: 'What happened' },
			{ key: 'count', label: 'Count', numeric: true },
			{ key: 'note', label: 'Note' }
		],
		rows: layout.marks
			.filter((mark) => mark.status !== 'is-hidden')
			.sort(
				(a, b) =>
					a.item.date.start.localeCompare(b.item.date.start) || a.item.key.localeCompare(b.item.key)
			)
			.map((mark) => ({
				key: mark.item.key,
				current: mark.status === 'is-hl',
				cells: {
					date: fuzzyDateInWords(mark.item.date, mark.item.precision as never),
					// Its own cell, so a provider's name reads whole (and sorts) in the table.
					lane: mark.item.provider ?? laneName.get(mark.item.lane) ?? '',
					kind: mark.item.style.name,
					what: mark.item.detail ?? mark.item.title,
					count: extra(mark.item).count ?? '',
					note: extra(mark.item).note ?? ''
				}
			}))
	};
}

export { countInWords, panelTitle };
export type { DaySpan, TimeSegment };
