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
			view.changes.some((change) => change.what === 'paragraph 1' && change.after.includes(now))
		);
		expect(step?.where).toMatch(/^Step 4 \(downloads chart/);
		const paragraph = step!.changes.find((change) => change.what === 'paragraph 1')!;
		expect(paragraph.before).toContain(`Fury at ${was}`);
		expect(paragraph.after).toContain(`Fury at ${now}`);
		expect(step!.changes.map((change) => change.what)).toEqual(
			expect.arrayContaining(['announcement', 'text alternative'])
		);
		expect(formatReaderDiff(diff)).toContain(
			`    + By 4 December 2014, Excipio put Fury at ${now}`
		);
		expect(diff.problems).toEqual([]);
	});

	it('calls out the bars a newer reading takes off the headline view', () => {
		const { before, after } = withFury(() => ({ as_of: '2014-12-10', downloads: 1500000 }));
		const diff = readerDiff(before, after, story);
		const headline = diff.views.find((view) => view.where.startsWith('Step 4'))!;
		expect(headline.gone.join('\n')).toContain('The other four films, combined');
		expect(diff.undrawn.map((row) => [row.chart, row.wasDrawn])).toContainEqual([
			'downloads',
			true
		]);
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
		expect(diff.problems.join('\n')).toMatch(/\{downloads:Fury.*no row in data\/downloads\.csv/);
	});
});
