import { describe, expect, it } from 'vitest';
import { formatIssue } from './issues';
import { validateDataset } from './validate';
import { fixtureCsv } from '../../../tests/fixtures/project';

const FILE = 'data/downloads.csv';
const HEADER = 'label,downloads,qualifier,measure,counted_by,as_of,note,source';
const GOOD = 'Fury,1200000,at-least,downloads,Excipio,2014-12-04,,https://example.com/a';

/** What an editor reads after saving a downloads file with these contents. */
function messages(contents: string | Uint8Array): string[] {
	return validateDataset('downloads', contents, FILE).issues.map(formatIssue);
}

/** A downloads file with one data row whose cells are GOOD's, except those given. */
function oneRow(cells: Partial<Record<string, string>>): string {
	const base: Record<string, string> = {
		label: 'Fury',
		downloads: '1200000',
		qualifier: 'at-least',
		measure: 'downloads',
		counted_by: 'Excipio',
		as_of: '2014-12-04',
		note: '',
		source: 'https://example.com/a'
	};
	const row = HEADER.split(',').map((name) => cells[name] ?? base[name]!);
	return `${HEADER}\n${row.join(',')}\n`;
}

describe('validateDataset on real data files (frozen in tests/fixtures/project)', () => {
	const read = fixtureCsv;

	it('reads downloads.csv into typed rows, keeping "at least" figures as lower bounds', () => {
		const result = validateDataset('downloads', read('downloads'), 'data/downloads.csv');
		expect(result.issues).toEqual([]);
		const fury = result.rows.find((row) => row.label === 'Fury' && row.as_of === '2014-12-04');
		expect(fury).toMatchObject({ downloads: 1200000, qualifier: 'at-least', row: 2 });
		expect(fury?.source[0]?.label).toBe('techmonitor.ai');
	});

	it('reads every row of the timeline and the providers files', () => {
		const timeline = validateDataset('timeline', read('timeline'), 'data/timeline.csv');
		const isp = validateDataset('isp-actions', read('isp-actions'), 'data/isp-actions.csv');
		expect(timeline.issues).toEqual([]);
		expect(timeline.rows).toHaveLength(15);
		expect(isp.issues).toEqual([]);
		expect(isp.rows).toHaveLength(10);
		const leak = timeline.rows.find((row) => row.category === 'leak');
		expect(leak?.date).toEqual({
			text: '2010-09-24/2010-09-25',
			start: '2010-09-24',
			end: '2010-09-25'
		});
	});

	it('accepts an empty corrections log (header only) without any message', () => {
		// A header-only log, not data/corrections.csv: that file gains rows as corrections are made.
		const log = 'date,chart,what_changed,why\n';
		const result = validateDataset('corrections', log, 'data/corrections.csv');
		expect(result).toEqual({
			header: ['date', 'chart', 'what_changed', 'why'],
			rows: [],
			issues: []
		});
	});
});

describe('validateDataset messages for bad cells', () => {
	it('names the row and column of an empty required cell', () => {
		expect(messages(oneRow({ label: '' }))).toEqual([
			'data/downloads.csv:2:label: is empty; label is required (what was downloaded, e.g. Fury)'
		]);
	});

	it('suggests the whole number for a shorthand like 1.2m', () => {
		expect(messages(oneRow({ downloads: '1.2m' }))).toEqual([
			'data/downloads.csv:2:downloads: "1.2m" is not a whole number; did you mean 1200000?'
		]);
	});

	it('refuses a negative count', () => {
		expect(messages(oneRow({ downloads: '-5' }))).toEqual([
			`data/downloads.csv:2:downloads: "-5" is negative; a count can't be below 0`
		]);
	});

	it('refuses a fractional count', () => {
		expect(messages(oneRow({ downloads: '12.5' }))).toEqual([
			'data/downloads.csv:2:downloads: "12.5" has a fraction; a count must be a whole number like 1200000'
		]);
	});

	it('accepts thousands separated by commas or spaces as the same figure', () => {
		const plain = validateDataset('downloads', oneRow({}), FILE);
		const commas = validateDataset('downloads', oneRow({ downloads: '"1,200,000"' }), FILE);
		const spaces = validateDataset('downloads', oneRow({ downloads: '1 200 000' }), FILE);
		expect(plain.rows[0]?.downloads).toBe(1200000);
		expect(commas).toEqual(plain);
		expect(spaces).toEqual(plain);
	});

	it('refuses dots between thousands, which read as a decimal point', () => {
		expect(messages(oneRow({ downloads: '1.200.000' }))).toEqual([
			'data/downloads.csv:2:downloads: "1.200.000" is ambiguous: dots between thousands read as a decimal point in English; write 1200000 or 1,200,000'
		]);
	});

	it('refuses a day that does not exist', () => {
		expect(messages(oneRow({ as_of: '2014-02-30' }))).toEqual([
			'data/downloads.csv:2:as_of: "2014-02-30" is not a real date: 2014-02 has 28 days'
		]);
	});

	it('refuses a day/month/year date and shows the ISO form', () => {
		expect(messages(oneRow({ as_of: '04/12/2014' }))).toEqual([
			'data/downloads.csv:2:as_of: "04/12/2014" is not an ISO date; write year-month-day, e.g. 2014-12-04 if that is day/month/year'
		]);
	});

	it('lists the allowed qualifiers, and guesses a near miss', () => {
		expect(messages(oneRow({ qualifier: 'roughly' }))).toEqual([
			'data/downloads.csv:2:qualifier: "roughly" is not allowed here; use one of: exact, at-least, approximate'
		]);
		expect(messages(oneRow({ qualifier: 'atleast' }))).toEqual([
			'data/downloads.csv:2:qualifier: "atleast" is not allowed here; did you mean "at-least"? use one of: exact, at-least, approximate'
		]);
	});

	it('asks for a source when the cell is empty', () => {
		expect(messages(oneRow({ source: '' }))).toEqual([
			'data/downloads.csv:2:source: is empty; source is required (a URL, or the headline and date of the article)'
		]);
	});

	it('refuses a javascript: link as a source', () => {
		expect(messages(oneRow({ source: 'javascript:alert(1)' }))).toEqual([
			'data/downloads.csv:2:source: "javascript:alert(1)" uses the "javascript:" scheme; only http: and https: links are allowed'
		]);
	});

	it('accepts a headline and date as a source, but not a bare headline', () => {
		expect(messages(oneRow({ source: 'Sony hack latest (Tech Monitor 4 December 2014)' }))).toEqual(
			[]
		);
		expect(messages(oneRow({ source: 'Sony hack latest' }))).toEqual([
			`data/downloads.csv:2:source: "Sony hack latest" is not a link and has no date; give a URL, or the article's headline and date`
		]);
	});
});

describe('validateDataset messages for the shape of the file', () => {
	it('suggests the right name for a misspelled required column', () => {
		const result = validateDataset(
			'downloads',
			`${HEADER.replace('downloads', 'downlods')}\n${GOOD}`,
			FILE
		);
		expect(result.rows).toEqual([]);
		expect(result.issues.map(formatIssue)).toEqual([
			'data/downloads.csv:1:downlods: missing required column "downloads" (a whole number, e.g. 1200000; the measure column says what it counts); found "downlods": did you mean "downloads"? Rename that header'
		]);
	});

	it('refuses a column that appears twice', () => {
		expect(messages(`${HEADER},label\n${GOOD},Fury`)).toEqual([
			'data/downloads.csv:1:label: column "label" appears twice (columns 1 and 9); keep one'
		]);
	});

	it('explains a row with too many cells as an unquoted comma', () => {
		expect(messages(`${HEADER}\n${GOOD},extra`)).toEqual([
			'data/downloads.csv:2: row has 9 cells but the header has 8; a cell containing a comma must be wrapped in "…"'
		]);
	});

	it('asks for the missing cells of a row with too few', () => {
		expect(messages(`${HEADER}\nFury,1200000,at-least`)).toEqual([
			'data/downloads.csv:2: row has 3 cells but the header has 8; add the missing cells (an empty cell still needs its comma)'
		]);
	});

	it('keeps the first of two identical rows and points at the repeat', () => {
		const result = validateDataset('downloads', `${HEADER}\n${GOOD}\n${GOOD}\n`, FILE);
		expect(result.rows.map((row) => row.row)).toEqual([2]);
		expect(result.issues.map(formatIssue)).toEqual([
			'data/downloads.csv:3: row repeats row 2 exactly; delete one of them'
		]);
	});

	it('keeps an unknown extra column in row.extra and warns that it is not shown', () => {
		const result = validateDataset('downloads', `${HEADER},desk\n${GOOD},culture\n`, FILE);
		expect(result.rows[0]?.extra).toEqual({ desk: 'culture' });
		expect(result.rows[0]?.downloads).toBe(1200000);
		expect(result.issues.map(formatIssue)).toEqual([
			'data/downloads.csv:1:desk: warning: unknown column "desk" is kept in the data but not shown on the page'
		]);
	});

	it('refuses an empty file', () => {
		const expected = ['data/downloads.csv: file is empty; it needs a header row and data rows'];
		expect(messages('')).toEqual(expected);
		expect(messages(new Uint8Array())).toEqual(expected);
	});

	it('refuses a downloads file with a header but no rows', () => {
		expect(messages(`${HEADER}\n`)).toEqual([
			'data/downloads.csv:2: file has a header but no data rows'
		]);
	});

	it('points at a quoted cell that is never closed', () => {
		expect(
			messages(
				`${HEADER}\n"Fury,1200000,at-least,downloads,Excipio,2014-12-04,,https://example.com/a`
			)[0]
		).toBe(
			'data/downloads.csv:2: a quoted cell is never closed; add the missing closing " (a cell that contains a comma or a line break must be wrapped in "…")'
		);
	});
});

describe('validateDataset on bytes', () => {
	it('refuses UTF-16 and says how to save as UTF-8', () => {
		const utf16 = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode(HEADER)]);
		expect(messages(utf16)).toEqual([
			'data/downloads.csv: file is UTF-16 text, not UTF-8; in your spreadsheet use "Save as… CSV UTF-8 (comma delimited)"'
		]);
	});

	it('refuses Windows-1252 text and shows where the first bad byte is', () => {
		const text = `${HEADER}\nCaf?,1,at-least,downloads,Excipio,2014-12-04,,https://example.com/a\n`;
		const bytes = new TextEncoder().encode(text);
		bytes[text.indexOf('?')] = 0xe9; // é in Windows-1252, invalid on its own in UTF-8
		expect(messages(bytes)).toEqual([
			'data/downloads.csv: file is not UTF-8; it looks like Windows-1252 (Latin-1) text (first bad byte on row 2, near "e,source Café,1,at-least"); save it again as "CSV UTF-8"'
		]);
	});
});
