import {
	closeSync,
	ftruncateSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateDataset } from '../src/lib/data/validate';
import { DATASET_IDS } from '../src/lib/schema/datasets';
import { fixtureCsv, FIXTURE_ROOT } from '../tests/fixtures/project';
import { lines, runCommand, spawnCommand, type CliRun } from './data-cli-harness';
import { dataCheck } from './data-check-command';
import { dataDiff } from './data-diff-command';

interface Case {
	file: string;
	exit: number;
	output: string[];
}

/**
 * `npm run data:check` in-process (scripts/data-cli-harness.ts): the function the CLI calls, with its
 * output collected. `root` is the project it checks: the fixture project (tests/fixtures/project) for
 * anything that compares with the published files, so an editor's update to data/ can't change the
 * expected output. The tests under "the command line" spawn the real CLI.
 */
const check = (...args: string[]) => runCommand(dataCheck, args);

const cases: Case[] = JSON.parse(readFileSync('tests/fixtures/bad/expected.json', 'utf8'));

/**
 * Three runs of the real command line, started first: Node and tsx start up (seconds on a busy 2-core
 * machine) on the other core while the in-process cases run. Their tests, last, await them.
 */
let commandLine: Record<'problems' | 'project' | 'unknownAs', Promise<CliRun>>;
beforeAll(() => {
	commandLine = {
		// Typed from tests/fixtures/ (`bad/…`): npm runs the script from the project root.
		problems: spawnCommand(
			'data-check.ts',
			cases.map((entry) => relative('tests/fixtures', entry.file)),
			{ from: resolve('tests/fixtures') }
		),
		project: spawnCommand('data-check.ts', []),
		unknownAs: spawnCommand('data-check.ts', ['--as', 'fury', 'tests/fixtures/good/downloads.csv'])
	};
});
// Past vitest's 5 s default on a busy 2-core machine: the command lines' start-up (awaited by the
// last tests), a million empty lines, and the compile of the charts for data:diff.
vi.setConfig({ testTimeout: 60_000 });

const temp = mkdtempSync(join(tmpdir(), 'data-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run data:check on one bad file per case (tests/fixtures/bad)', () => {
	it('has an expected output for every fixture', () => {
		const fixtures = readdirSync('tests/fixtures/bad').filter((name) => name.endsWith('.csv'));
		const listed = cases.map((entry) => entry.file.split('/').pop());
		expect(listed.filter((name) => name !== 'downloads-missing.csv').sort()).toEqual(
			fixtures.sort()
		);
	});

	it.each(cases.map((entry) => [entry.file, entry] as const))('%s', async (file, expected) => {
		const result = await check(file);
		expect(lines(result.stdout)).toEqual(expected.output);
		expect(result.code).toBe(expected.exit);
		// Every case but the timeline's out-of-range year (a warning) stops the build.
		if (!file.includes('outside-story-years')) expect(result.code).toBe(1);
	});

	it('refuses a huge file from its size alone, without reading it', async () => {
		// 8 GB, sparse: reading it into memory would fail long before a message could be printed.
		const file = join(temp, 'downloads-huge.csv');
		const fd = openSync(file, 'w');
		ftruncateSync(fd, 8 * 1024 ** 3);
		closeSync(fd);
		const result = await check(file);
		expect(lines(result.stdout)[0]).toBe(
			`${file}: file is 8192.0 MB, over the 2.0 MB limit for a data file; check you picked the right file`
		);
		expect(result.code).toBe(1);
	});

	it('needs --as when the name does not say which chart a file is for', async () => {
		const file = join(temp, 'figures-from-the-desk.csv');
		writeFileSync(file, readFileSync('tests/fixtures/bad/timeline-unknown-category.csv'));
		const unnamed = await check(file);
		expect(lines(unnamed.stdout)[0]).toBe(
			`${file}: can't tell from the name which chart this file is for; add --as downloads, --as isp-actions, --as timeline, --as corrections, --as quotes`
		);
		expect(unnamed.code).toBe(1);
		const named = await check('--as', 'timeline', file);
		expect(lines(named.stdout)[0]).toBe(
			`${file}:3:category: "leaks" is not allowed here; did you mean "leak"? use one of: attack, leak, court, isp, politics`
		);
		expect(named.code).toBe(1);
	});
});

describe('npm run data:check on files editors really save', () => {
	const good = readdirSync('tests/fixtures/good').map((name) => `tests/fixtures/good/${name}`);
	const plain = validateDataset(
		'downloads',
		readFileSync('tests/fixtures/good/downloads.csv'),
		'x'
	);

	it.each(good)('%s gives the same rows as the plain file', (file) => {
		expect(plain.issues).toEqual([]);
		expect(plain.rows).toHaveLength(2);
		expect(validateDataset('downloads', readFileSync(file), 'x')).toEqual(plain);
	});

	it('passes them all with exit 0', async () => {
		const result = await check(...good);
		expect(lines(result.stdout)).toEqual([
			`data:check: ${good.length} files checked: 0 errors, 0 warnings. OK.`
		]);
		expect(result.code).toBe(0);
	});

	it('passes the fixture project (the layout data:diff compares against) with exit 0', async () => {
		const result = await runCommand(dataCheck, [], { root: FIXTURE_ROOT });
		expect(lines(result.stdout).at(-1)).toMatch(
			/^data:check: \d+ files checked: 0 errors, \d+ warnings?\. OK\.$/
		);
		expect(result.code).toBe(0);
	});

	it('reads a file with a million empty lines, below or inside the table', async () => {
		const base = readFileSync('tests/fixtures/good/downloads.csv', 'utf8');
		const [header, ...rows] = base.trimEnd().split('\n');
		const below = join(temp, 'downloads-blank-below.csv');
		const inside = join(temp, 'downloads-blank-inside.csv');
		writeFileSync(below, base + '\r\n'.repeat(1_000_000));
		writeFileSync(inside, `${header}\n${'\n'.repeat(1_000_000)}${rows.join('\n')}\n`);
		const result = await check(below, inside);
		expect(lines(result.stdout)).toEqual([
			'data:check: 2 files checked: 0 errors, 0 warnings. OK.'
		]);
		expect(result.code).toBe(0);
	});
});

describe('the data:check command line, as npm runs it', () => {
	it('prints every problem of every file in one run, then one summary line, and exits 1', async () => {
		const result = await commandLine.problems;
		const problems = cases
			.flatMap((entry) => entry.output.slice(0, -1))
			.map((line) => line.replace(/^tests\/fixtures\//, ''));
		expect(lines(result.stdout)).toEqual([
			...problems,
			`data:check: ${cases.length} files checked: ${problems.length - 1} errors, 1 warning. Fix the errors; the build refuses this data until then.`
		]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(1);
	});

	it('passes the project data with exit 0', async () => {
		// The live data and story: an editor's valid update keeps this green, and may add warnings
		// (e.g. a row no story step shows), so only the errors are counted.
		const result = await commandLine.project;
		expect(lines(result.stdout).at(-1)).toMatch(
			/^data:check: \d+ files checked: 0 errors, \d+ warnings?\. OK\.$/
		);
		expect(result.code).toBe(0);
	});

	it('rejects an unknown --as with exit 2, saying what it takes', async () => {
		const result = await commandLine.unknownAs;
		expect(result.stderr).toBe(
			`data:check: --as needs one of: ${DATASET_IDS.join(', ')} (got "fury")\n`
		);
		expect(result.stdout).toBe('');
		expect(result.code).toBe(2);
	});
});

describe('npm run data:diff', () => {
	// Its reader-level part, compiled by vitest (data-diff.test.ts checks the CLI prints the same).
	const readerDiff = () => import('../src/lib/editor/reader-diff');

	it('shows each figure old → new and the new extremes', async () => {
		const file = join(temp, 'downloads.csv');
		// Against the fixture project's data/downloads.csv, which no editor updates.
		const published = fixtureCsv('downloads');
		writeFileSync(
			file,
			published
				.replace(
					'Fury,1200000,at-least,downloads,Excipio,2014-12-04',
					'Fury,"1,500,000",at-least,downloads,Excipio,2014-12-04'
				)
				.replace(/^Annie,.*\n/m, '') +
				'Fury,1600000,at-least,downloads,Excipio,2014-12-10,,https://example.com/fury\n'
		);
		const result = await runCommand(
			(argv, context) => dataDiff(argv, context, { readerDiff }),
			[file],
			{ root: FIXTURE_ROOT }
		);
		// The row-level part; the reader-level part after it is tested in data-diff.test.ts.
		expect(lines(result.stdout).slice(0, 18)).toEqual([
			`${file} against data/downloads.csv (downloads):`,
			'1 row added, 1 removed, 1 changed, 3 unchanged.',
			'',
			'Added:',
			'  + row 6: Fury: 1,600,000 downloads (at-least), as of 2014-12-10',
			'',
			'Removed:',
			'  - was row 6: Annie: 184,000 downloads (at-least), as of 2014-11-30',
			'',
			'Changed:',
			'  ~ row 2: Fury: 1,200,000 downloads (at-least), as of 2014-12-04',
			'      downloads: 1,200,000 → 1,500,000',
			'',
			'New extremes:',
			'  largest downloads: Fury: 1,600,000 downloads (at-least), as of 2014-12-10; was Fury: 1,200,000 downloads (at-least), as of 2014-12-04',
			'  smallest downloads: The other four films, combined: 400,000 downloads (approximate), as of 2014-12-04; was Annie: 184,000 downloads (at-least), as of 2014-11-30',
			'  latest as_of: Fury: 1,600,000 downloads (at-least), as of 2014-12-10; was Fury: 1,200,000 downloads (at-least), as of 2014-12-04',
			'  earliest as_of: Fury: 888,000 downloads (at-least), as of 2014-11-30, unchanged'
		]);
		expect(result.code).toBe(0);
	});

	it('prints the errors instead of a diff, and exits 1, for a bad file', async () => {
		const result = await runCommand(dataDiff, [
			'--as',
			'downloads',
			'tests/fixtures/bad/downloads-shorthand-number.csv'
		]);
		expect(lines(result.stdout)[0]).toBe(
			'tests/fixtures/bad/downloads-shorthand-number.csv:2:downloads: "1.2m" is not a whole number; did you mean 1200000?'
		);
		expect(result.code).toBe(1);
	});
});
