import { CHARTS, chartCopy, defaultState, type ChartId } from '../charts/registry';
import { distinctSources } from '../charts/shared/sources-line';
import { isDatasetId, type DatasetId, type DatasetRows } from '../schema/datasets';

/**
 * The one adapter between the reader-level diff and the charts: everything else in reader-diff.ts
 * reads a chart only through `chartOutput`. When the registry's entries change shape (describe taking
 * every dataset, notes computed from the rows, a `table` field), this file is the one to fix.
 */

/** One row as the chart's data table shows it under the drawing: its label and its figures. */
export interface Figure {
	/** The dataset the row is in: a chart may draw rows of several (the timeline draws providers' actions). */
	dataset: DatasetId;
	/** Spreadsheet row in that dataset, as in the marks' `data-row`. */
	row: number;
	text: string;
}

/** What a reader gets from one chart in one state, as text. */
export interface ChartOutput {
	title: string;
	description: string;
	notes: string;
	sources: string;
	/** The one-sentence text alternative (also the embed snapshot's alt text). */
	describe: string;
	/** Rows the view draws, as labelled in its data table. */
	figures: Figure[];
}

export function chartOutput(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown> = defaultState(chart)
): ChartOutput {
	const definition = CHARTS[chart];
	const table = definition.table(rows, state as never);
	return {
		...chartCopy(chart, rows),
		sources: distinctSources(rows[chart])
			.map((source) => source.label)
			.join('; '),
		describe: definition.describe(rows, state as never),
		figures: table.rows.map((row) => ({
			...rowOf(chart, String(row.key)),
			text: table.columns
				.filter((column) => column.key !== 'note')
				.map((column) => row.cells[column.key] ?? '')
				.filter(Boolean)
				.join(' · ')
		}))
	};
}

/** A table row's key is `<dataset>:<row>` as in `data-row`, or just the row in the chart's own dataset. */
function rowOf(chart: ChartId, key: string): { dataset: DatasetId; row: number } {
	const [first, second] = key.split(':');
	if (second !== undefined && isDatasetId(first!)) return { dataset: first, row: Number(second) };
	return { dataset: chart, row: Number(first) };
}
