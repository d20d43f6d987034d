import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseCsv } from './normalise';
import { validateDataset } from './validate';
import { fixtureCsv } from '../../../tests/fixtures/project';

describe('normaliseCsv', () => {
	it('turns every spreadsheet variant of a file into the same clean bytes', () => {
		const clean = readFileSync('tests/fixtures/good/downloads.csv', 'utf8');
		for (const variant of ['bom', 'crlf', 'semicolon', 'tab', 'thousands', 'excel']) {
			const file = `tests/fixtures/good/downloads-${variant}.csv`;
			const result = validateDataset('downloads', readFileSync(file), file);
			expect(normaliseCsv('downloads', result.rows, result.header), variant).toBe(clean);
		}
	});

	it('reads normalised real data files back as the same rows', () => {
		for (const id of ['downloads', 'timeline'] as const) {
			const text = fixtureCsv(id);
			const result = validateDataset(id, text, id);
			const again = normaliseCsv(id, result.rows, result.header);
			expect(validateDataset(id, again, id)).toEqual(result);
		}
	});

	it('puts the schema columns first, keeps extra columns, and writes empty optional cells', () => {
		const result = validateDataset(
			'downloads',
			'desk,source,label,downloads,qualifier,measure,counted_by,as_of\nculture,https://example.com/a,Fury,"1,200,000",exact,downloads,Excipio,2014-12-04\n',
			'x'
		);
		expect(normaliseCsv('downloads', result.rows, result.header)).toBe(
			'label,downloads,qualifier,measure,counted_by,as_of,note,source,desk\nFury,1200000,exact,downloads,Excipio,2014-12-04,,https://example.com/a,culture\n'
		);
	});
});
