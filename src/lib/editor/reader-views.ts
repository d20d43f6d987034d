import { downloadsTable } from '../charts/downloads/table';
import { ispActionsTable } from '../charts/isp-actions/table';
import { CHARTS, defaultState, type ChartId } from '../charts/registry';
import { distinctSources } from '../charts/shared/sources-line';
import type { TableModel } from '../charts/shared/table-model';
import { timelineTable } from '../charts/timeline/table';
import type { DatasetRows } from '../schema/datasets';

/**
 * The one adapter between the reader-level diff and the charts: everything else in reader-diff.ts
 * reads a chart only through `chartOutput`. When the registry's entries change shape (describe taking
 * every dataset, notes computed from the rows, a `table` field), this file is the one to fix.
 */

/** One row as the chart's data table shows it under the drawing: its label and its figures. */
export interface Figure {
	/** Spreadsheet row in the chart's dataset, as in the marks' `data-row`. */
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

// Until the registry lists each chart's table model, this is the one place that maps id → table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const TABLES: Record<ChartId, (rows: any, state: any) => TableModel> = {
	downloads: downloadsTable,
	'isp-actions': ispActionsTable,
	timeline: timelineTable
};

type Text = string | ((rows: never[], state: never) => string);

function text(value: Text | undefined, rows: unknown[], state: unknown): string {
	return typeof value === 'function' ? value(rows as never[], state as never) : (value ?? '');
}

export function chartOutput(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown> = defaultState(chart)
): ChartOutput {
	const definition = CHARTS[chart];
	const own = rows[chart] as unknown[];
	const table = TABLES[chart](own, state);
	return {
		title: text(definition.title, own, state),
		description: text(definition.description, own, state),
		notes: text(definition.notes as Text, own, state),
		sources: distinctSources(rows[chart])
			.map((source) => source.label)
			.join('; '),
		describe: definition.describe(own as never[], state as never),
		figures: table.rows.map((row) => ({
			row: Number(row.key),
			text: table.columns
				.filter((column) => column.key !== 'note')
				.map((column) => row.cells[column.key] ?? '')
				.filter(Boolean)
				.join(' · ')
		}))
	};
}
