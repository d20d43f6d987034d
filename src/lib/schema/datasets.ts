import { correctionsSpec, type CorrectionRow } from './corrections';
import { downloadsSpec, type DownloadRow } from './downloads';
import { ispActionsSpec, type IspActionRow } from './isp-actions';
import { quotesSpec, type QuoteRow } from './quotes';
import type { Columns, TableSpec } from './table';
import { timelineSpec, type TimelineRow } from './timeline';

/**
 * One id names a dataset everywhere: its file `data/<id>.csv`, its schema, and for a chart its chart and
 * embed. `corrections` and `quotes` are data without a chart: the log, and the words the story quotes.
 */
export const DATASET_IDS = [
	'downloads',
	'isp-actions',
	'timeline',
	'corrections',
	'quotes'
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export interface DatasetRows {
	downloads: DownloadRow[];
	'isp-actions': IspActionRow[];
	timeline: TimelineRow[];
	corrections: CorrectionRow[];
	quotes: QuoteRow[];
}

export const SPECS: { [K in DatasetId]: TableSpec<Columns> } = {
	downloads: downloadsSpec as unknown as TableSpec<Columns>,
	'isp-actions': ispActionsSpec as unknown as TableSpec<Columns>,
	timeline: timelineSpec as unknown as TableSpec<Columns>,
	corrections: correctionsSpec as unknown as TableSpec<Columns>,
	quotes: quotesSpec as unknown as TableSpec<Columns>
};

export function isDatasetId(value: string): value is DatasetId {
	return (DATASET_IDS as readonly string[]).includes(value);
}

export function datasetFile(id: DatasetId): string {
	return `data/${id}.csv`;
}
