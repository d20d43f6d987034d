import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCommand } from './data-cli-harness';
import { dataCheck } from './data-check-command';

/**
 * `npm run data:check` on a whole project (data + story), the way the build checks it: the fixture
 * project in tests/fixtures/story-checks/project is valid; each bad story there breaks one copy rule
 * and must fail with a message located at its line. In-process (scripts/data-cli-harness.ts): the
 * function the CLI calls, with exactly the output it prints; data-check.test.ts spawns the CLI itself.
 */
const FIXTURES = 'tests/fixtures/story-checks';
const STORY = 'src/content/story.aml';

const temp = mkdtempSync(join(tmpdir(), 'story-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the fixture project with the given story, checked from inside it. */
async function checkWithStory(name: string, story: string) {
	const root = join(temp, name);
	cpSync(`${FIXTURES}/project`, root, { recursive: true });
	writeFileSync(join(root, STORY), story);
	const result = await runCommand(dataCheck, [], { root });
	return { code: result.code, lines: lines(result.stdout) };
}

/** The line of the story a bad fixture changed: the message must point there, not just anywhere. */
function changedLine(bad: string): number {
	const good = readFileSync(`${FIXTURES}/project/${STORY}`, 'utf8').split('\n');
	return bad.split('\n').findIndex((line, index) => line !== good[index]) + 1;
}

const cases = [
	['typed-date.aml', /^"25 September" is typed by hand; use a \{date:…\} token$/],
	[
		'typed-figure.aml',
		/^"1\.5 million" is typed by hand; use a \{downloads:…\} or \{isp-actions:…\} token/
	],
	[
		'unknown-quote.aml',
		/^the quotation “the problem is that ISPs are reactive,” matches no row of data\/quotes\.csv/
	],
	[
		'disputed-quote.aml',
		/is attributed to Richard Fletcher \(data\/quotes\.csv:2\) and BT \(data\/quotes\.csv:3\); name each speaker here \(missing: BT\)$/
	],
	['long-dek.aml', /^the dek has \d+ words; keep it to 25 or fewer$/]
] as const;

describe('data:check on the story copy', () => {
	it('passes the fixture project, whose copy keeps every rule', async () => {
		const result = await checkWithStory(
			'good',
			readFileSync(`${FIXTURES}/project/${STORY}`, 'utf8')
		);
		// Warnings (rows no step shows) are allowed: only the copy rules' errors fail it.
		expect(result.lines.filter((line) => !line.includes(': warning: '))).toEqual([
			expect.stringMatching(/^data:check: 6 files checked: 0 errors, \d+ warnings?\. OK\.$/)
		]);
		expect(result.code).toBe(0);
	});

	it.each(cases)('%s fails with a located message', async (name, message) => {
		const story = readFileSync(`${FIXTURES}/bad/${name}`, 'utf8');
		const result = await checkWithStory(name, story);
		const [problem, ...rest] = result.lines;
		const located = /^src\/content\/story\.aml:(\d+): (.*)$/.exec(problem ?? '');
		expect(located, problem).not.toBeNull();
		expect(Number(located![1])).toBe(changedLine(story));
		expect(located![2]).toMatch(message);
		expect(rest.at(-1)).toMatch(/^data:check: .*: 1 error, 0 warnings\. Fix the errors/);
		expect(result.code).toBe(1);
	});
});
