import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { validateDataset } from './validate';
import { fixtureCsv } from '../../../tests/fixtures/project';

const FILE = 'data/downloads.csv';
const plain = fixtureCsv('downloads');
const expected = validateDataset('downloads', plain, FILE);

/** The fixture downloads file as a spreadsheet with a different delimiter would save it. */
function withDelimiter(delimiter: string): string {
	const { data } = Papa.parse<string[]>(plain.trim(), { header: false });
	return Papa.unparse(data, { delimiter, newline: '\n' });
}

describe('spreadsheet exports of the same table', () => {
	it('reads the plain file without issues', () => {
		expect(expected.issues).toEqual([]);
		expect(expected.rows).toHaveLength(5);
	});

	it.each([
		['a byte-order mark', '\uFEFF' + plain],
		['CRLF line endings', plain.replace(/\r?\n/g, '\r\n')],
		['semicolons', withDelimiter(';')],
		['tabs', withDelimiter('\t')],
		['BOM, semicolons and CRLF together', '\uFEFF' + withDelimiter(';').replace(/\n/g, '\r\n')]
	])('gives the same rows with %s', (_, text) => {
		expect(validateDataset('downloads', text, FILE)).toEqual(expected);
	});

	it('gives the same rows from UTF-8 bytes with a BOM', () => {
		const bytes = new TextEncoder().encode('\uFEFF' + plain);
		expect(validateDataset('downloads', bytes, FILE)).toEqual(expected);
	});
});

describe('parseCsv', () => {
	it('numbers records as a spreadsheet does, skipping blank lines but not their row numbers', () => {
		const parsed = parseCsv('a,b\n1,2\n\n3,4\n', 'x.csv');
		expect(parsed.header).toEqual(['a', 'b']);
		expect(parsed.records).toEqual([
			{ row: 2, cells: ['1', '2'] },
			{ row: 4, cells: ['3', '4'] }
		]);
		expect(parsed.issues).toEqual([]);
	});

	it('trims spaces around header names so " source" still matches', () => {
		expect(parseCsv('label , source\nFury,x', 'x.csv').header).toEqual(['label', 'source']);
	});

	it('reports the semicolon delimiter it detected', () => {
		expect(parseCsv('a;b\n1;2', 'x.csv').delimiter).toBe(';');
	});
});
