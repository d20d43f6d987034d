import * as v from 'valibot';
import type { DatasetId, DatasetRows } from '../schema/datasets';
import { downloadsBlocks } from './downloads/body';
import { downloadsDescription, downloadsNotes, downloadsTitle } from './downloads/copy';
import { describeDownloads } from './downloads/describe';
import { downloadsTable } from './downloads/table';
import { visibleRows } from './downloads/scales';
import { DownloadsState } from './downloads/state';
import { describeIspActions } from './isp-actions/describe';
import { ispActionsLayout } from './isp-actions/model';
import { IspActionsState } from './isp-actions/state';
import { ispActionsTable } from './isp-actions/table';
import type { TableModel } from './shared/table-model';
import { fuzzyDateInWords } from './shared/format';
import type { PageBlocks } from './shared/text-measure';
import { timeBlocks } from './shared/time-blocks';
import { timeStateProblems } from './shared/time-items';
import { timeDescription, timeNotes } from './shared/time-copy';
import type { TimeLayout } from './shared/time-marks';
import type { TimeState } from './shared/time-state';
import { describeTimeline } from './timeline/describe';
import { timelineLayout } from './timeline/model';
import { TimelineState } from './timeline/state';
import { timelineTable } from './timeline/table';

/**
 * The registry's pure half: everything about a chart except its Svelte component, so Node-only code
 * (the build's data gate, the CLIs, the story parser) can use it without compiling components.
 * registry.ts adds the components; nothing else lists charts.
 */
export const CHART_IDS = ['downloads', 'isp-actions', 'timeline'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
	return (CHART_IDS as readonly string[]).includes(value);
}

export type StateSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

export interface ChartLogic {
	/** The datasets it draws; the first is the one its CSV download, sources and embed name. */
	datasets: readonly DatasetId[];
	stateSchema: StateSchema;
	/** Title and one-line description, from the rows its full view draws (see `chartCopy`). */
	title: (rows: DatasetRows) => string;
	description: (rows: DatasetRows) => string;
	/** Method notes shown with the chart wherever it appears, computed from its full view. */
	notes: (rows: DatasetRows) => string;
	/** The one-sentence text alternative in a state. */
	describe: (rows: DatasetRows, state: never) => string;
	/** What in a state points at nothing in the data: mistakes in the story file. */
	problems: (rows: DatasetRows, state: never) => string[];
	/** `<dataset>:<row>` of every row the state draws visibly. */
	shown: (rows: DatasetRows, state: never) => string[];
	/** The step's date in words, for the step card's kicker. */
	kicker: (rows: DatasetRows, state: never) => string | undefined;
	/** The chart's data table in a state: what its rows say, as readers get them. */
	table: (rows: DatasetRows, state: never) => TableModel;
	/** What its body stacks on its own page in a state, for the embed's no-script height. */
	blocks: (rows: DatasetRows, state: never) => PageBlocks;
}

const visible = (layout: TimeLayout) =>
	layout.marks.filter((mark) => mark.status !== 'is-hidden').map((mark) => mark.item.key);

const kickerOf = (layout: TimeLayout) => layout.now?.label;

const timelineRows = (rows: DatasetRows) => ({
	timeline: rows.timeline,
	'isp-actions': rows['isp-actions']
});

export const CHART_LOGIC: Record<ChartId, ChartLogic> = {
	downloads: {
		datasets: ['downloads'],
		stateSchema: DownloadsState as unknown as StateSchema,
		title: (rows) => downloadsTitle(rows.downloads),
		description: (rows) => downloadsDescription(rows.downloads),
		notes: (rows) => {
			const lead = downloadsNotes(rows.downloads);
			// The completeness rule: a row the full view leaves out is named here, with the reason.
			const drawn = new Set(visibleRows(rows.downloads, v.parse(DownloadsState, {})));
			const left = rows.downloads.filter((row) => !drawn.has(row));
			if (left.length === 0) return lead;
			const named = left
				.map(
					(row) =>
						`${row.label}, ${fuzzyDateInWords({ text: row.as_of, start: row.as_of, end: row.as_of }, 'day')} (row ${row.row})`
				)
				.join('; ');
			return `${lead} Earlier readings are not drawn in this view, only each film's latest: ${named}. The readings-over-time view and the data show them.`;
		},
		describe: (rows, state) => describeDownloads(rows.downloads, state),
		problems: (rows, state: v.InferOutput<typeof DownloadsState>) =>
			state.highlight
				.filter((label) => !rows.downloads.some((row) => row.label === label))
				.map((label) => `highlight "${label}" matches no label in data/downloads.csv`),
		shown: (rows, state) => visibleRows(rows.downloads, state).map((row) => `downloads:${row.row}`),
		kicker: (rows, state) => {
			// The step is at its newest reading, whatever order the bars are drawn in.
			const latest = visibleRows(rows.downloads, state)
				.map((row) => row.as_of)
				.sort()
				.at(-1);
			return latest
				? fuzzyDateInWords({ text: latest, start: latest, end: latest }, 'day')
				: undefined;
		},
		table: (rows, state) => downloadsTable(rows.downloads, state),
		blocks: (rows, state) => downloadsBlocks(rows.downloads, state)
	},
	'isp-actions': {
		datasets: ['isp-actions'],
		stateSchema: IspActionsState as unknown as StateSchema,
		title: () => 'What the internet providers did',
		description: (rows) =>
			timeDescription(
				'providers',
				ispActionsLayout(rows['isp-actions'], v.parse(IspActionsState, {})).layout
			),
		notes: (rows) =>
			timeNotes(ispActionsLayout(rows['isp-actions'], v.parse(IspActionsState, {})).layout),
		describe: (rows, state) => describeIspActions(rows['isp-actions'], state),
		problems: (rows, state: TimeState) => timeStateProblems(undefined, rows['isp-actions'], state),
		shown: (rows, state) => visible(ispActionsLayout(rows['isp-actions'], state).layout),
		kicker: (rows, state) => kickerOf(ispActionsLayout(rows['isp-actions'], state).layout),
		table: (rows, state) =>
			ispActionsTable(rows['isp-actions'], ispActionsLayout(rows['isp-actions'], state).layout),
		blocks: (rows, state) => {
			const placed = ispActionsLayout(rows['isp-actions'], state);
			return timeBlocks(placed.layout, placed.items);
		}
	},
	timeline: {
		datasets: ['timeline', 'isp-actions'],
		stateSchema: TimelineState as unknown as StateSchema,
		title: () => 'Enforcement, leaks and the internet providers',
		description: (rows) =>
			timeDescription(
				'kinds',
				timelineLayout(timelineRows(rows), v.parse(TimelineState, {})).layout
			),
		notes: (rows) =>
			timeNotes(timelineLayout(timelineRows(rows), v.parse(TimelineState, {})).layout),
		describe: (rows, state) => describeTimeline(timelineRows(rows), state),
		problems: (rows, state: TimeState) =>
			timeStateProblems(rows.timeline, rows['isp-actions'], state),
		shown: (rows, state) => visible(timelineLayout(timelineRows(rows), state).layout),
		kicker: (rows, state) => kickerOf(timelineLayout(timelineRows(rows), state).layout),
		table: (rows, state) =>
			timelineTable(timelineRows(rows), timelineLayout(timelineRows(rows), state).layout),
		blocks: (rows, state) => {
			const placed = timelineLayout(timelineRows(rows), state);
			return timeBlocks(placed.layout, placed.items);
		}
	}
};

export interface ChartCopy {
	title: string;
	description: string;
	notes: string;
}

const copies = new WeakMap<DatasetRows, Map<ChartId, ChartCopy>>();

/**
 * The words that go with a chart wherever it appears (sticky graphic, method section, embeds, share
 * cards, editor), computed from the rows: a new measure, provider or year changes them. Memoised per
 * set of rows, since a build asks for the same chart's words on many pages.
 */
export function chartCopy(id: ChartId, rows: DatasetRows): ChartCopy {
	let byChart = copies.get(rows);
	if (!byChart) copies.set(rows, (byChart = new Map()));
	let copy = byChart.get(id);
	if (!copy) {
		const logic = CHART_LOGIC[id];
		copy = {
			title: logic.title(rows),
			description: logic.description(rows),
			notes: logic.notes(rows)
		};
		byChart.set(id, copy);
	}
	return copy;
}

/** Each chart's state schema, for the story parser. */
export const STATE_SCHEMAS: Record<ChartId, StateSchema> = Object.fromEntries(
	CHART_IDS.map((id) => [id, CHART_LOGIC[id].stateSchema])
) as Record<ChartId, StateSchema>;
