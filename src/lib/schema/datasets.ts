import { correctionsSpec, type CorrectionRow } from './corrections';
import { downloadsSpec, type DownloadRow } from './downloads';
import { ispActionsSpec, type IspActionRow } from './isp-actions';
import type { Columns, TableSpec } from './table';
import { timelineSpec, type TimelineRow } from './timeline';

/** One id names a dataset everywhere: its file `data/<id>.csv`, its schema, its chart and embed. */
export const DATASET_IDS = ['downloads', 'isp-actions', 'timeline', 'corrections'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export interface DatasetRows {
	downloads: DownloadRow[];
	'isp-actions': IspActionRow[];
	timeline: TimelineRow[];
	corrections: CorrectionRow[];
}

export const SPECS: { [K in DatasetId]: TableSpec<Columns> } = {
	downloads: downloadsSpec as unknown as TableSpec<Columns>,
	'isp-actions': ispActionsSpec as unknown as TableSpec<Columns>,
	timeline: timelineSpec as unknown as TableSpec<Columns>,
	corrections: correctionsSpec as unknown as TableSpec<Columns>
};

export function isDatasetId(value: string): value is DatasetId {
	return (DATASET_IDS as readonly string[]).includes(value);
}

export function datasetFile(id: DatasetId): string {
	return `data/${id}.csv`;
}
