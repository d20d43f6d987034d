import { CHART_IDS, CHART_LOGIC } from '../charts/chart-ids';
import type { DataIssue } from '../data/issues';
import { datasetFile, type DatasetId, type DatasetRows } from '../schema/datasets';
import type { Story } from '../story/story';

/**
 * A warning for each row that no story step shows, so an editor knows a new row will appear in its
 * chart's full view and the embeds, but not in the story until a step points at it.
 */
export function unshownRows(rows: DatasetRows, story: Story): DataIssue[] {
	const shown = new Set(
		story.steps.flatMap((step) => CHART_LOGIC[step.chart].shown(rows, step.state as never))
	);
	const drawn = new Set<DatasetId>(CHART_IDS.flatMap((id) => CHART_LOGIC[id].datasets));
	const issues: DataIssue[] = [];
	for (const id of drawn) {
		const chart = CHART_IDS.find((chartId) => CHART_LOGIC[chartId].datasets[0] === id) ?? id;
		for (const row of rows[id] as { row: number }[]) {
			if (shown.has(`${id}:${row.row}`)) continue;
			issues.push({
				file: datasetFile(id),
				row: row.row,
				severity: 'warning',
				message: `no story step shows this row; it appears in the chart's full view (/embed/${chart}/) and its embeds only. To show it in the story, point a step's zoom or highlight at it in src/content/story.aml`
			});
		}
	}
	return issues;
}
