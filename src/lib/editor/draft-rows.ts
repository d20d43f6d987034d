import { CHART_IDS, type ChartId } from '../charts/chart-ids';
import { hasErrors } from '../data/issues';
import { validateDataset } from '../data/validate';
import { datasetFile, type DatasetRows } from '../schema/datasets';

/**
 * The published rows and the rows with every valid draft in their place, for the reader-level diff.
 * A draft with errors is left out (the build would refuse it) and named, so the page can say so.
 */
export function draftRows(
	published: Record<ChartId, string>,
	drafts: Record<ChartId, string>,
	quotes: DatasetRows['quotes'] = []
): { before: DatasetRows; after: DatasetRows; skipped: ChartId[] } {
	// The corrections log is no chart's data and the page doesn't edit it: no rows on either side.
	// The quotations are the published ones on both sides: the story's copy check reads them.
	const before = { corrections: [], quotes } as unknown as DatasetRows;
	const after = { corrections: [], quotes } as unknown as DatasetRows;
	const skipped: ChartId[] = [];
	const rows = (id: ChartId, text: string) => validateDataset(id, text, datasetFile(id));
	for (const id of CHART_IDS) {
		const old = rows(id, published[id]).rows;
		(before as Record<ChartId, unknown>)[id] = old;
		(after as Record<ChartId, unknown>)[id] = old;
		if (drafts[id] === published[id]) continue;
		const draft = rows(id, drafts[id]);
		if (hasErrors(draft.issues)) skipped.push(id);
		else (after as Record<ChartId, unknown>)[id] = draft.rows;
	}
	return { before, after, skipped };
}
