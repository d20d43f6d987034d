import type { Component } from 'svelte';
import * as v from 'valibot';
import type { DatasetRows } from '../schema/datasets';
import { CHART_IDS, isChartId, STATE_SCHEMAS, type ChartId, type StateSchema } from './chart-ids';
import DownloadsChart from './downloads/DownloadsChart.svelte';
import { describeDownloads } from './downloads/describe';
import IspActionsChart from './isp-actions/IspActionsChart.svelte';
import { describeIspActions } from './isp-actions/describe';
import TimelineChart from './timeline/TimelineChart.svelte';
import { describeTimeline } from './timeline/describe';

export { CHART_IDS, isChartId, type ChartId };

// The registry erases each chart's own row and state types at this boundary; parseState is what
// guarantees that the state handed to a chart is the one its schema describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyChart = Component<{ rows: any; state: any }>;

export interface ChartDefinition {
	id: ChartId;
	title: string;
	description: string;
	/** Method notes shown with the chart wherever it appears. */
	notes: string;
	component: AnyChart;
	stateSchema: StateSchema;
	describe: (rows: never[], state: never) => string;
}

/** The one list of charts: story steps, embed routes, snapshots and the editor all read it. */
export const CHARTS: Record<ChartId, ChartDefinition> = {
	downloads: {
		id: 'downloads',
		title: 'Downloads of the films leaked from Sony Pictures',
		description: 'Reported downloads of the films leaked after the Sony Pictures hack.',
		notes:
			'Tracker: Excipio. "More than" figures are lower bounds, drawn with an open end. The other four films are counted together; no source splits their total by film.',
		component: DownloadsChart as AnyChart,
		stateSchema: STATE_SCHEMAS.downloads,
		describe: describeDownloads as ChartDefinition['describe']
	},
	'isp-actions': {
		id: 'isp-actions',
		title: 'What the internet providers did',
		description:
			'Handing over subscriber data, refusing, asking the court to suspend orders, blocking sites: 2010 and 2014.',
		notes:
			'Hollow marks and bands: the sources give only an approximate date. The axis skips 2011–2013, when these sources report nothing.',
		component: IspActionsChart as AnyChart,
		stateSchema: STATE_SCHEMAS['isp-actions'],
		describe: describeIspActions as ChartDefinition['describe']
	},
	timeline: {
		id: 'timeline',
		title: 'From Operation Payback to the Sony leak',
		description: 'Attacks, leaks, court dates, providers’ moves and politics, 2010 to 2014.',
		notes:
			'Hollow marks with a band: the date is approximate, or sources disagree (both dates are given in the data). The axis skips 2011–2013, when these sources report nothing.',
		component: TimelineChart as AnyChart,
		stateSchema: STATE_SCHEMAS.timeline,
		describe: describeTimeline as ChartDefinition['describe']
	}
};

export function rowsFor(id: ChartId, rows: DatasetRows): DatasetRows[ChartId] {
	return rows[id];
}

export function defaultState(id: ChartId): Record<string, unknown> {
	return v.parse(CHARTS[id].stateSchema, {});
}
