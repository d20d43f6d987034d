import { describe, expect, it } from 'vitest';
import { fixtureCsv } from '../../../tests/fixtures/project';
import { csvForDownload } from './csv-download';
import { validateDataset } from './validate';

describe('csvForDownload', () => {
	const real = fixtureCsv('downloads');
	const out = csvForDownload(real);

	it('starts with a byte-order mark and ends every line with CRLF, for Excel', () => {
		expect(
			out.startsWith('\uFEFFlabel,downloads,qualifier,measure,counted_by,as_of,note,source\r\n')
		).toBe(true);
		expect(out.endsWith('\r\n')).toBe(true);
		expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
	});

	it('round-trips a real data file to the same rows', () => {
		const file = 'data/downloads.csv';
		expect(validateDataset('downloads', out, file)).toEqual(
			validateDataset('downloads', real, file)
		);
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		expect(csvForDownload('a,b\n=1+1,"x,y"\n-3,@SUM(A1)\n+1,ok\n')).toBe(
			"\uFEFFa,b\r\n'=1+1,\"x,y\"\r\n'-3,'@SUM(A1)\r\n'+1,ok\r\n"
		);
	});
});
