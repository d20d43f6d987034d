import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllData } from '../data/load.server';
import { checkCopy, quoteMatches } from './copy-rules';

const PROJECT = 'tests/fixtures/story-checks/project';
const { rows } = loadAllData(PROJECT);
const good = readFileSync(`${PROJECT}/src/content/story.aml`, 'utf8');

/** A one-step story whose text is the given line (line 6 of the file). */
function withText(text: string): string {
	return `headline: H\ndek: D\nbyline: B\n\n[steps]\ntext: ${text}\nannounce: A\n[]\n`;
}

describe('checkCopy', () => {
	it('accepts copy whose figures and dates are all tokens and whose quotes are all on file', () => {
		expect(checkCopy(good, rows)).toEqual([]);
	});

	it.each([
		['25 September', 'date'],
		['September 25', 'date'],
		['the 11th', 'date'],
		['January 2011', 'date'],
		['2011', 'date'],
		['2011–13', 'date'],
		['1.2 million', 'number'],
		['400,000', 'number'],
		['90-day', 'number']
	])('refuses "%s" typed by hand, located at its line', (typed, kind) => {
		const problems = checkCopy(withText(`Something happened, ${typed}, somewhere.`), rows);
		const token = kind === 'date' ? '{date:…}' : '{downloads:…} or {isp-actions:…}';
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			new RegExp(
				`^src/content/story\\.aml:6: "${typed.replace('.', '\\.')}" is typed by hand; use a ${token.replace(/[{}…]/g, '\\$&')}`
			)
		);
	});

	it('checks announcements, intro, method, headline and dek too', () => {
		const edits: [string, string][] = [
			['headline: A story told from the data', 'headline: A story from 2010'],
			['dek: In {date:2010-09-20|year}, providers', 'dek: In 2010, providers'],
			['* Everything here comes', '* All 5 things here come'],
			[
				'announce: Timeline: a hearing, {date:2010-09-20}.',
				'announce: Timeline: 20 September 2010.'
			],
			['* Figures are filled in from the data.', '* Figures are filled in from 5 files.']
		];
		const story = edits.reduce((text, [from, to]) => text.replace(from, to), good);
		const lines = story.split('\n');
		const expected = edits.map(([, to]) => lines.findIndex((line) => line.includes(to)) + 1);
		const located = checkCopy(story, rows).map((problem) => Number(problem.split(':')[1]));
		expect(located.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
	});

	it('allows digits inside a quotation that is on file', () => {
		expect(checkCopy(withText('“We blocked 53 services,” said Mike Weatherley.'), rows)).toEqual(
			[]
		);
	});

	it('refuses a quotation that matches no row, even when only one word differs', () => {
		expect(checkCopy(withText('“The problem is that ISPs are reactive,” he said.'), rows)).toEqual([
			'src/content/story.aml:6: the quotation “The problem is that ISPs are reactive,” matches no row of data/quotes.csv; quote the words exactly as a row there gives them, or add a row with the speaker and the source'
		]);
	});

	it('asks for every speaker of words with more than one attribution, near the quotation', () => {
		const quote = '"The data leak with ACS:Law prompted us to take further action today,"';
		expect(checkCopy(withText(`${quote} said Richard Fletcher; BT says so too.`), rows)).toEqual(
			[]
		);
		expect(
			checkCopy(withText(`BT was busy. Then more. ${quote} said Richard Fletcher.`), rows)
		).toEqual([
			'src/content/story.aml:6: the quotation “The data leak with ACS:Law prompted us to take …” is attributed to Richard Fletcher (data/quotes.csv:2) and BT (data/quotes.csv:3); name each speaker here (missing: BT)'
		]);
	});

	it('keeps the dek to 25 words, counted as the reader sees it', () => {
		const long = good.replace(/^dek: .*$/m, `dek: ${'word '.repeat(26).trim()}`);
		expect(checkCopy(long, rows)).toEqual([
			'src/content/story.aml:2: the dek has 26 words; keep it to 25 or fewer'
		]);
	});
});

describe('quoteMatches', () => {
	const quote = 'The problem is the ISPs are reactive';

	it('matches a fragment, a changed first capital, curly or straight apostrophes and an ellipsis', () => {
		expect(quoteMatches('the problem is the ISPs are reactive,', quote)).toBe(true);
		expect(quoteMatches('problem … reactive', quote)).toBe(true);
		expect(quoteMatches('there’s', "there's")).toBe(true);
	});

	it('does not match changed words or parts out of order', () => {
		expect(quoteMatches('the problem is ISPs are reactive', quote)).toBe(false);
		expect(quoteMatches('reactive … problem', quote)).toBe(false);
	});
});
