import type * as v from 'valibot';
import { DownloadsState } from './downloads/state';
import { IspActionsState } from './isp-actions/state';
import { TimelineState } from './timeline/state';

export const CHART_IDS = ['downloads', 'isp-actions', 'timeline'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
	return (CHART_IDS as readonly string[]).includes(value);
}

export type StateSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

/**
 * Each chart's state schema, without its Svelte component, so Node-only code (the build's data gate,
 * the CLI) can check story copy without compiling components.
 */
export const STATE_SCHEMAS: Record<ChartId, StateSchema> = {
	downloads: DownloadsState as unknown as StateSchema,
	'isp-actions': IspActionsState as unknown as StateSchema,
	timeline: TimelineState as unknown as StateSchema
};
