import type { Component } from 'svelte';
import * as v from 'valibot';
import type { DatasetRows } from '../schema/datasets';
import {
	CHART_IDS,
	CHART_LOGIC,
	chartCopy,
	isChartId,
	type ChartCopy,
	type ChartId,
	type ChartLogic
} from './chart-ids';
import DownloadsChart from './downloads/DownloadsChart.svelte';
import IspActionsChart from './isp-actions/IspActionsChart.svelte';
import TimelineChart from './timeline/TimelineChart.svelte';

export { CHART_IDS, chartCopy, isChartId, type ChartCopy, type ChartId };

// The registry erases each chart's own row and state types at this boundary; the story parser's
// state schema is what guarantees that the state handed to a chart is the one it describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyChart = Component<{ rows: any; state: any; inStory?: boolean }>;

export interface ChartDefinition extends ChartLogic {
	id: ChartId;
	component: AnyChart;
	/** The rows its component takes, from every dataset's rows. */
	pick: (rows: DatasetRows) => unknown;
}

const COMPONENTS: Record<ChartId, Pick<ChartDefinition, 'component' | 'pick'>> = {
	downloads: { component: DownloadsChart as AnyChart, pick: (rows) => rows.downloads },
	'isp-actions': { component: IspActionsChart as AnyChart, pick: (rows) => rows['isp-actions'] },
	timeline: {
		component: TimelineChart as AnyChart,
		pick: (rows) => ({ timeline: rows.timeline, 'isp-actions': rows['isp-actions'] })
	}
};

/** The one list of charts: story steps, embed routes, snapshots and the editor all read it. */
export const CHARTS: Record<ChartId, ChartDefinition> = Object.fromEntries(
	CHART_IDS.map((id) => [id, { id, ...CHART_LOGIC[id], ...COMPONENTS[id] }])
) as Record<ChartId, ChartDefinition>;

/** The rows a chart's CSV download, sources line and "last updated" speak for. */
export function rowsFor(id: ChartId, rows: DatasetRows): DatasetRows[ChartId] {
	return rows[id];
}

export function defaultState(id: ChartId): Record<string, unknown> {
	return v.parse(CHARTS[id].stateSchema, {});
}
