import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvForDownload } from '../src/lib/data/csv-download';
import { parseCsv } from '../src/lib/data/parse-csv';
import { DATASET_IDS } from '../src/lib/schema/datasets';
import { runCommand, spawnCommand, type CliRun } from './data-cli-harness';
import { fromDownloadCsv } from './data-diff-base';
import { dataDiff } from './data-diff-command';

const FIXTURE = resolve('tests/fixtures/project');

/**
 * `npm run data:diff` as an editor runs it, inside a copy of the fixture project at `root`: in-process,
 * the function the CLI calls with its output collected (scripts/data-cli-harness.ts), its reader-level
 * diff compiled by vitest rather than by a Vite of its own. The last test spawns the real command
 * line, and checks it prints exactly what the in-process run does.
 */
const diff = (root: string, args: string[] = []) =>
	runCommand((argv, context) => dataDiff(argv, context, { readerDiff }), args, { root });
const readerDiff = () => import('../src/lib/editor/reader-diff');

// The spawned command line starts Node, tsx and Vite, and compiles the charts: seconds on a busy
// 2-core machine, past vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000 });

// Without git, the last build's copy is looked for in BUILD_DIR: the default, whatever the shell says.
beforeAll(() => void vi.stubEnv('BUILD_DIR', 'build'));
afterAll(() => void vi.unstubAllEnvs());

const temp = mkdtempSync(join(tmpdir(), 'data-diff-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyProject(name: string): string {
	const root = join(temp, name);
	cpSync(FIXTURE, root, { recursive: true });
	return root;
}

/** The edit an editor makes in place: Fury's 1,200,000 becomes 1,300,000. */
function editInPlace(root: string) {
	const file = join(root, 'data/downloads.csv');
	const text = readFileSync(file, 'utf8');
	expect(text).toContain('Fury,1200000,');
	writeFileSync(file, text.replace('Fury,1200000,', 'Fury,1300000,'));
}

/** A git checkout of the fixture project, committed as published, then edited in place. */
function gitCheckout(name: string): string {
	const root = copyProject(name);
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
			cwd: root,
			stdio: 'ignore'
		});
	git('init', '-q');
	git('add', '.');
	git('commit', '-qm', 'published');
	editInPlace(root);
	return root;
}

const rowChange = [
	'  ~ row 2: Fury: 1,200,000 downloads (at-least), as of 2014-12-04',
	'      downloads: 1,200,000 → 1,300,000'
].join('\n');
/** The headline step's sentence, quoting Fury's figure before and after (the fixture story's words). */
const sentence = new RegExp(
	[
		'\\n {2}paragraph \\d+:',
		' {4}- By .*put Fury at more than 1\\.2 million.*',
		' {4}\\+ By .*put Fury at more than 1\\.3 million'
	].join('\\n')
);

/** What an editor must see after Fury's edit in a git checkout: each change, then the reader's. */
function expectCommitDiff({ code, stdout }: CliRun) {
	expect(stdout).toMatch(/(Comparing data\/|compared) with the last commit \(HEAD [0-9a-f]+/);
	expect(stdout).toContain('data/downloads.csv against HEAD:data/downloads.csv');
	expect(stdout).toContain(rowChange);
	expect(stdout).toMatch(/\nStep \d+ \(downloads chart; also \/embed\/downloads\/\d+\/\)\n/);
	expect(stdout).toMatch(sentence);
	expect(code).toBe(0);
}

/**
 * `npm run data:diff` itself, in its own git checkout, started first: Node, tsx and Vite start up on
 * the other core while the in-process cases run. Its test, last, awaits it.
 */
let commandLine: { root: string; run: Promise<CliRun> };
beforeAll(() => {
	const root = gitCheckout('git-cli');
	commandLine = { root, run: spawnCommand('data-diff.ts', [], { root }) };
});

describe('npm run data:diff after an edit in place', () => {
	it('compares data/ with the last commit in a git checkout', async () => {
		const root = gitCheckout('git');
		for (const args of [[], ['data/downloads.csv']]) expectCommitDiff(await diff(root, args));
	});

	it("compares data/ with the last build's copy where there is no git", async () => {
		const root = copyProject('no-git');
		mkdirSync(join(root, 'build/data'), { recursive: true });
		for (const id of DATASET_IDS) {
			const text = readFileSync(join(root, `data/${id}.csv`), 'utf8');
			writeFileSync(join(root, `build/data/${id}.csv`), csvForDownload(text));
		}
		editInPlace(root);
		const { code, stdout } = await diff(root);
		expect(stdout).toContain("Comparing data/ with the last build's copy of the data (build/data/");
		expect(stdout).toContain('data/downloads.csv against build/data/downloads.csv');
		expect(stdout).toContain(rowChange);
		expect(stdout).toMatch(sentence);
		expect(stdout).toContain(
			'data/timeline.csv against build/data/timeline.csv (timeline):\nNo changes'
		);
		expect(code).toBe(0);
	});

	it('says so when there is neither git nor a build', async () => {
		const root = copyProject('bare');
		const { code, stdout } = await diff(root);
		expect(stdout).toMatch(/^data\/: nothing published to compare with/);
		expect(code).toBe(1);
	});

	it('as npm runs it, in a git checkout: the same diff, then exit 0', async () => {
		const result = await commandLine.run;
		expectCommitDiff(result);
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe((await diff(commandLine.root)).stdout);
	});
});

describe('fromDownloadCsv', () => {
	it("undoes the download copy's byte-order mark, CRLF and formula apostrophes", () => {
		const original = 'label,note\nFury,"=1+1, said nobody"\nAnnie,-\n';
		const cells = (text: string) => parseCsv(text, 'x').records.map((record) => record.cells);
		const back = fromDownloadCsv(csvForDownload(original));
		expect(cells(back)).toEqual([
			['Fury', '=1+1, said nobody'],
			['Annie', '-']
		]);
		expect(back).not.toMatch(/\r|\uFEFF/);
	});
});
