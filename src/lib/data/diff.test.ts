import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDatasets, formatDiff } from './diff';
import { validateDataset } from './validate';

const FILE = 'tests/fixtures/project/data/downloads.csv';
const published = readFileSync(FILE, 'utf8');
const rows = (text: string) => validateDataset('downloads', text, FILE).rows;

describe('diffDatasets', () => {
	it("matches an edited row by the schema's identity, so a new figure reads as a change", () => {
		const diff = diffDatasets(
			'downloads',
			rows(published),
			rows(published.replace('Fury,1200000,', 'Fury,1300000,'))
		);
		expect(diff.added).toEqual([]);
		expect(diff.removed).toEqual([]);
		expect(diff.changed).toHaveLength(1);
		const text = formatDiff(diff, 'HEAD:data/downloads.csv', 'data/downloads.csv');
		expect(text).toContain('  ~ row 2: Fury: 1,200,000 downloads (at-least), as of 2014-12-04');
		expect(text).toContain('      downloads: 1,200,000 → 1,300,000');
		expect(text).toContain(
			'  largest downloads: Fury: 1,300,000 downloads (at-least), as of 2014-12-04; was Fury: 1,200,000'
		);
	});

	it('lists a new reading as added and a deleted one as removed', () => {
		const lines = published.trimEnd().split('\n');
		const withoutLast = lines.slice(0, -1).join('\n') + '\n';
		const diff = diffDatasets('downloads', rows(published), rows(withoutLast));
		expect(diff.removed.map((row) => row.row)).toEqual([lines.length]);
		const back = diffDatasets('downloads', rows(withoutLast), rows(published));
		expect(back.added.map((row) => row.row)).toEqual([lines.length]);
	});
});
