import type { ChartId } from '../charts/chart-ids';
import { diffDatasets, type DatasetDiff } from '../data/diff';
import { MAX_CSV_BYTES, sizeLimitMessage } from '../data/decode';
import { hasErrors, type DataIssue } from '../data/issues';
import { normaliseCsv } from '../data/normalise';
import { inspectDataset, type Inspection } from '../data/validate';
import { datasetFile } from '../schema/datasets';

/** Everything the editor shows about a draft, from the same validation the build runs. */
export interface Analysis {
	inspection: Inspection<ChartId>;
	errors: DataIssue[];
	warnings: DataIssue[];
	/** Issues by `row:column` (column empty for a whole row), for highlighting cells. */
	byCell: Map<string, DataIssue[]>;
	/** Only for a draft the build would accept. */
	diff?: DatasetDiff;
	normalised?: string;
}

export function cellKey(row: number | undefined, column: string | undefined): string {
	return `${row ?? 0}:${column ?? ''}`;
}

/** A draft against the published file; `file` is how the issues name it (the editor's file name). */
export function analyse(
	chart: ChartId,
	draft: string,
	published: readonly Inspection<ChartId>['rows'][number][],
	file = datasetFile(chart)
): Analysis {
	// The build refuses a file over the limit before reading it; a pasted draft gets the same answer.
	const bytes = draft.length > MAX_CSV_BYTES / 4 ? new TextEncoder().encode(draft).length : 0;
	const inspection: Inspection<ChartId> =
		bytes > MAX_CSV_BYTES
			? {
					header: [],
					rows: [],
					records: [],
					issues: [{ file, severity: 'error', message: sizeLimitMessage(bytes) }]
				}
			: inspectDataset(chart, draft, file);
	const errors = inspection.issues.filter((issue) => issue.severity === 'error');
	const warnings = inspection.issues.filter((issue) => issue.severity === 'warning');
	const byCell = new Map<string, DataIssue[]>();
	for (const issue of inspection.issues) {
		const key = cellKey(issue.row, issue.column);
		byCell.set(key, [...(byCell.get(key) ?? []), issue]);
	}
	if (hasErrors(inspection.issues)) return { inspection, errors, warnings, byCell };
	return {
		inspection,
		errors,
		warnings,
		byCell,
		diff: diffDatasets(chart, published, inspection.rows),
		normalised: normaliseCsv(chart, inspection.rows, inspection.header)
	};
}
