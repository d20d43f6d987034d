import type { IspActionRow } from '../../schema/isp-actions';
import type { TimelineRow } from '../../schema/timeline';
import { ACTION_STYLE, CATEGORY_STYLE, LANE_ORDER } from './kinds';
import { shortLabel, type Lane, type TimeItem } from './time-marks';
import type { TimeState } from './time-state';
import { overlaps } from './time-axis';
import { windowOf } from './zoom';

/** Lane id of one provider's own lane, when the providers' lane is expanded. */
const providerLane = (isp: string) => `isp:${isp}`;

export function isExpanded(state: TimeState): boolean {
	if (state.providers === 'expanded') return true;
	if (state.providers === 'collapsed') return false;
	return state.actions.length > 0 || state.isps.length > 0;
}

export function isActionHighlighted(row: IspActionRow, state: TimeState): boolean {
	if (state.actions.length === 0 && state.isps.length === 0) return false;
	const actionOk = state.actions.length === 0 || state.actions.includes(row.action);
	const ispOk = state.isps.length === 0 || state.isps.includes(row.isp);
	return actionOk && ispOk;
}

export function isEventHighlighted(row: TimelineRow, state: TimeState): boolean {
	return state.highlight.includes(row.date.text);
}

/** Providers in the order of their first action (then by name): a stable order new providers join. */
export function providersOf(actions: readonly IspActionRow[]): string[] {
	const first = new Map<string, string>();
	for (const row of actions) {
		const seen = first.get(row.isp);
		if (seen === undefined || row.date.start < seen) first.set(row.isp, row.date.start);
	}
	return [...first.entries()]
		.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
		.map(([isp]) => isp);
}

export function eventItems(rows: readonly TimelineRow[], state: TimeState): TimeItem[] {
	return rows.map((row) => ({
		key: `timeline:${row.row}`,
		row: row.row,
		date: row.date,
		precision: row.precision,
		lane: row.category,
		style: CATEGORY_STYLE[row.category],
		label: shortLabel(row.event),
		title: row.event,
		highlighted: isEventHighlighted(row, state)
	}));
}

export function actionItems(
	rows: readonly IspActionRow[],
	state: TimeState,
	expanded: boolean
): TimeItem[] {
	return rows.map((row) => ({
		key: `isp-actions:${row.row}`,
		row: row.row,
		date: row.date,
		precision: row.precision,
		lane: expanded ? providerLane(row.isp) : 'isp',
		style: ACTION_STYLE[row.action],
		label: shortLabel(`${row.isp}: ${ACTION_STYLE[row.action].name}`),
		title: `${row.isp}: ${row.detail}`,
		provider: row.isp,
		detail: row.detail,
		highlighted: isActionHighlighted(row, state)
	}));
}

/**
 * The lanes, top to bottom, from the rows: one per kind of event that has rows, in the fixed order of
 * LANE_ORDER; the providers' lane splits into one lane per provider when expanded (events about
 * providers in general keep a lane of their own above them).
 */
export function timeLanes(
	events: readonly TimelineRow[],
	actions: readonly IspActionRow[],
	expanded: boolean
): Lane[] {
	const lanes: Lane[] = [];
	for (const category of LANE_ORDER) {
		const style = CATEGORY_STYLE[category];
		const hasEvents = events.some((row) => row.category === category);
		if (category !== 'isp') {
			if (hasEvents) lanes.push({ id: category, name: style.name, tone: style.tone });
			continue;
		}
		if (!expanded) {
			if (hasEvents || actions.length > 0)
				lanes.push({ id: 'isp', name: style.name, tone: style.tone });
			continue;
		}
		if (hasEvents) lanes.push({ id: 'isp', name: `${style.name}, all`, tone: style.tone });
		for (const isp of providersOf(actions))
			lanes.push({ id: providerLane(isp), name: isp, tone: style.tone });
	}
	return lanes;
}

/**
 * What in a time chart's state points at nothing in the data: a zoom with no row in it, a highlight,
 * action or provider no row has. Each is a mistake in the story file, said in the editor's words.
 */
export function timeStateProblems(
	events: readonly TimelineRow[] | undefined,
	actions: readonly IspActionRow[],
	state: TimeState
): string[] {
	const problems: string[] = [];
	const window = windowOf(state.zoom);
	const dates = [...(events ?? []), ...actions].map((row) => row.date);
	if (window && !dates.some((date) => overlaps(date, window))) {
		problems.push(`zoom "${state.zoom}" holds no row; widen the window or use all`);
	}
	const inView = (date: { start: string; end: string }) => !window || overlaps(date, window);
	for (const wanted of state.highlight) {
		const row = events?.find((event) => event.date.text === wanted);
		if (!events)
			problems.push(`highlight "${wanted}": this chart has no events; use actions or isps`);
		else if (!row)
			problems.push(`highlight "${wanted}" matches no row's date in data/timeline.csv`);
		else if (!inView(row.date))
			problems.push(`highlight "${wanted}" is outside the step's zoom "${state.zoom}"`);
	}
	for (const action of state.actions) {
		if (!actions.some((row) => row.action === action))
			problems.push(`actions "${action}" matches no row of data/isp-actions.csv`);
	}
	for (const isp of state.isps) {
		if (!actions.some((row) => row.isp === isp))
			problems.push(`isps "${isp}" matches no provider in data/isp-actions.csv`);
	}
	return problems;
}
