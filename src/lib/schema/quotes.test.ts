import { describe, expect, it } from 'vitest';
import { validateDataset } from '../data/validate';
import { formatIssue } from '../data/issues';

const header = 'quote,speaker,note,source\n';
const check = (body: string) => validateDataset('quotes', header + body, 'data/quotes.csv');

describe('data/quotes.csv', () => {
	it('keeps one row per attribution, so the same words can have two speakers', () => {
		const result = check(
			'Words said once.,Richard Fletcher,,https://example.com/a\nWords said once.,BT,,https://example.com/b\n'
		);
		expect(result.issues).toEqual([]);
		expect(result.rows.map((row) => [row.row, row.speaker])).toEqual([
			[2, 'Richard Fletcher'],
			[3, 'BT']
		]);
	});

	it('needs a speaker and a source for every quote, located at the cell', () => {
		expect(check('Words.,,,https://example.com/a\nWords.,BT,,\n').issues.map(formatIssue)).toEqual([
			'data/quotes.csv:2:speaker: is empty; speaker is required (who said it, as the story names them, e.g. Mike Weatherley)',
			'data/quotes.csv:3:source: is empty; source is required (a URL, or the headline and date of the article)'
		]);
	});

	it('refuses quotation marks inside the cell, which the story adds', () => {
		expect(check('"""Words.""",BT,,https://example.com/a\n').issues.map(formatIssue)).toEqual([
			'data/quotes.csv:2:quote: starts or ends with a quotation mark; write only the words, the story adds the marks'
		]);
	});
});
