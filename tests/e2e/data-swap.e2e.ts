import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { countInWords } from '../../src/lib/charts/shared/format';
import { validateDataset } from '../../src/lib/data/validate';

/**
 * An editor's workflow, end to end: change a number in a CSV, rebuild, and the published page says the
 * new number — or, with a malformed cell, the build refuses and says where, leaving the last good build.
 * Runs in a copy of the project so the build under test by the other specs is never touched.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set([
	'node_modules',
	'build',
	'.svelte-kit',
	'.git',
	'test-results',
	'playwright-report'
]);

/** The downloads file as records, and the index of the row with the biggest figure (the headline one). */
function parseDownloads(text: string) {
	const [header, ...records] = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
	const column = header!.indexOf('downloads');
	const figures = records.map((rec) => Number(rec[column]));
	const index = figures.indexOf(Math.max(...figures));
	const unparse = () => Papa.unparse([header!, ...records], { newline: '\n' }) + '\n';
	return { records, column, index, unparse };
}

test.describe.serial('swapping data/downloads.csv and rebuilding', () => {
	test.setTimeout(180_000);
	let dir = '';

	test.beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'explainer-data-swap-'));
		cpSync(ROOT, dir, {
			recursive: true,
			filter: (source) => {
				const rel = relative(ROOT, source);
				return rel === '' || !SKIP.has(rel.split(/[\\/]/)[0]!);
			}
		});
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	});

	test.afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	function build() {
		const result = spawnSync('npx', ['vite', 'build'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, TZ: 'UTC' },
			timeout: 150_000
		});
		return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
	}

	const csv = () => join(dir, 'data/downloads.csv');
	const read = (path: string) => readFileSync(join(dir, 'build', path), 'utf8');

	test('a new figure for the biggest reading reaches the embed and the story', () => {
		// Whatever data/ holds today: the biggest figure (the one the story leads with) goes up a quarter.
		const original = validateDataset('downloads', readFileSync(csv(), 'utf8'), 'x').rows;
		const file = parseDownloads(readFileSync(csv(), 'utf8'));
		const old = original[file.index]!;
		const figure = Math.round((old.downloads * 1.25) / 100_000) * 100_000;
		file.records[file.index]![file.column] = String(figure);
		writeFileSync(csv(), file.unparse());
		const before = countInWords(old.downloads, old.qualifier);
		const after = countInWords(figure, old.qualifier);

		const { status, output } = build();
		expect(status, output).toBe(0);

		const embed = read('embed/downloads/index.html');
		expect(embed).toContain(after);
		// The old words may only stay if another row still says them, or the edited row's own note
		// (an editor who changes a figure may leave the note quoting the source as it was).
		const elsewhere =
			Boolean(old.note?.includes(before)) ||
			original.some(
				(row, i) =>
					i !== file.index &&
					(countInWords(row.downloads, row.qualifier) === before || row.note?.includes(before))
			);
		if (!elsewhere) expect(embed).not.toContain(before);
		expect(read('index.html')).toContain(after);
	});

	test('a malformed count fails the build, names the cell, and keeps the last good build', () => {
		const before = readFileSync(join(dir, 'build/index.html'));
		const good = readFileSync(csv(), 'utf8');
		const file = parseDownloads(good);
		const row = validateDataset('downloads', good, 'x').rows[file.index]!.row;
		file.records[file.index]![file.column] = '1.2m';
		writeFileSync(csv(), file.unparse());

		const { status, output } = build();
		expect(status, 'the build fails').not.toBe(0);
		expect(output).toContain(`data/downloads.csv:${row}:downloads:`);
		expect(readFileSync(join(dir, 'build/index.html')).equals(before), 'build/ untouched').toBe(
			true
		);
	});
});
