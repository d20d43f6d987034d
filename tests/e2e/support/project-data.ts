import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countInWords } from '../../../src/lib/charts/shared/format';
import { formatIssue, hasErrors } from '../../../src/lib/data/issues';
import { validateDataset } from '../../../src/lib/data/validate';
import {
	DATASET_IDS,
	datasetFile,
	type DatasetId,
	type DatasetRows
} from '../../../src/lib/schema/datasets';
import { parseStory, STORY_FILE, type Story } from '../../../src/lib/story/story';

/**
 * What the browser tests expect, read at run time from the project's own CSVs and story (validated by
 * the project's own code), never typed into a test: an editor's valid update changes the expectation
 * with the page, so it can't turn a test red. `root` is a project folder (the repo, or a test's copy).
 */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The datasets a chart draws: one per chart, named by the chart id. */
export const CHART_DATASETS = ['downloads', 'isp-actions', 'timeline'] as const;
export type ChartDataset = (typeof CHART_DATASETS)[number];

/** Every dataset's validated rows; invalid data is a broken test setup, said with its located issues. */
export function projectRows(root = ROOT): DatasetRows {
	const rows = {} as Record<DatasetId, unknown>;
	for (const id of DATASET_IDS) {
		const file = datasetFile(id);
		const result = validateDataset(id, readFileSync(join(root, file)), file);
		if (hasErrors(result.issues))
			throw new Error(`${file} does not validate:\n${result.issues.map(formatIssue).join('\n')}`);
		rows[id] = result.rows;
	}
	return rows as DatasetRows;
}

/** The story as the build reads it. */
export function projectStory(root = ROOT, rows = projectRows(root)): Story {
	const { story, problems } = parseStory(readFileSync(join(root, STORY_FILE), 'utf8'), rows);
	if (!story) throw new Error(`${STORY_FILE} does not parse:\n${problems.join('\n')}`);
	return story;
}

/** What identifies one row on the page: its data-row key and the texts a reader must find. */
export interface ExpectedRow {
	/** `<dataset>:<spreadsheet row>`, the value of the mark's data-row attribute. */
	key: string;
	/** The row's label or event, and its figure in words with its qualifier ("more than 1.2 million"). */
	texts: string[];
}

/** Per chart, one entry per CSV row: the contract the full view `/embed/<chart>/` must meet. */
export function expectedRows(rows: DatasetRows, chart: ChartDataset): ExpectedRow[] {
	const key = (row: { row: number }) => `${chart}:${row.row}`;
	switch (chart) {
		case 'downloads':
			return rows.downloads.map((row) => ({
				key: key(row),
				texts: [row.label, countInWords(row.downloads, row.qualifier)]
			}));
		case 'isp-actions':
			return rows['isp-actions'].map((row) => ({
				key: key(row),
				texts: [
					row.isp,
					row.detail,
					...(row.count === undefined
						? []
						: [countInWords(row.count, row.count_qualifier ?? 'exact')])
				]
			}));
		case 'timeline':
			return rows.timeline.map((row) => ({ key: key(row), texts: [row.event] }));
	}
}

/** A label as the page shows it: whitespace collapsed, as `textContent` reads after squashing. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
