import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInWords } from '../charts/shared/format';
import { normaliseCsv } from '../data/normalise';
import { validateDataset } from '../data/validate';
import { DATASET_IDS, datasetFile, type DatasetRows } from '../schema/datasets';
import type { DownloadRow } from '../schema/downloads';
import { formatReaderDiff, readerDiff } from './reader-diff';

const FIXTURE = 'tests/fixtures/project';
const story = readFileSync(join(FIXTURE, 'src/content/story.aml'), 'utf8');

function load(): DatasetRows {
	const rows = {} as Record<string, unknown>;
	for (const id of DATASET_IDS) {
		const file = datasetFile(id);
		rows[id] = validateDataset(id, readFileSync(join(FIXTURE, file)), file).rows;
	}
	return rows as unknown as DatasetRows;
}

/** The fixture's latest Fury reading, and a copy of the data where it reads `downloads` instead. */
function withFury(change: (row: DownloadRow) => Partial<DownloadRow>) {
	const before = load();
	const latest = before.downloads
		.filter((row) => row.label === 'Fury')
		.sort((a, b) => b.as_of.localeCompare(a.as_of))[0]!;
	const downloads = before.downloads.map((row) =>
		row === latest ? { ...row, ...change(row) } : row
	);
	// Through the CSV and back, so the edited rows are exactly what validation makes of a file.
	const text = normaliseCsv('downloads', downloads);
	const after = { ...before, downloads: validateDataset('downloads', text, 'x').rows };
	return { before, after, latest };
}

describe('readerDiff', () => {
	it('shows the step sentence that quotes a changed Fury figure, before and after', () => {
		const { before, after, latest } = withFury((row) => ({ downloads: row.downloads + 300000 }));
		const diff = readerDiff(before, after, story);
		const was = countInWords(latest.downloads, latest.qualifier);
		const now = countInWords(latest.downloads + 300000, latest.qualifier);
		const step = diff.views.find((view) =>
			view.changes.some((change) => change.after.includes(`put Fury at ${now}`))
		);
		expect(step?.where).toMatch(/^Step \d+ \(downloads chart; also \/embed\/downloads\/\d+\/\)$/);
		const paragraph = step!.changes.find((change) => change.after.includes(`put Fury at ${now}`))!;
		expect(paragraph.what).toMatch(/^paragraph \d+$/);
		expect(paragraph.before).toContain(`put Fury at ${was}`);
		expect(step!.changes.map((change) => change.what)).toEqual(
			expect.arrayContaining(['announcement', 'text alternative'])
		);
		const text = formatReaderDiff(diff);
		expect(text).toContain(`\n    - ${paragraph.before}\n    + ${paragraph.after}\n`);
		expect(diff.problems).toEqual([]);
	});

	it('calls out the bars a removed row takes off every view that drew it', () => {
		const before = load();
		const annie = before.downloads.find((row) => row.label === 'Annie')!;
		const after = { ...before, downloads: before.downloads.filter((row) => row !== annie) };
		const diff = readerDiff(before, after, story);
		const full = diff.views.find((view) => view.where.startsWith('Full downloads chart'))!;
		expect(full.gone).toEqual([expect.stringMatching(/^Annie · .* \(was downloads row \d+\)$/)]);
		expect(formatReaderDiff(diff)).toContain('  no longer drawn: Annie · ');
	});

	it('says nothing changes when the rows are the same', () => {
		const rows = load();
		const diff = readerDiff(rows, load(), story);
		expect(diff.views).toEqual([]);
		expect(formatReaderDiff(diff)).toContain('Nothing a reader sees changes.');
	});

	it('reports a story token the new data no longer satisfies', () => {
		const before = load();
		const after = { ...before, downloads: before.downloads.filter((row) => row.label !== 'Fury') };
		const diff = readerDiff(before, after, story);
		expect(diff.problems.join('\n')).toMatch(
			/story\.aml:\d+: step \d+: .*"?Fury.*data\/downloads\.csv/
		);
	});
});
