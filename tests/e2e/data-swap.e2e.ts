import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

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
const FURY_ROW = /^Fury,1200000,/m;

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

	test('a new figure for Fury reaches the embed and the story', () => {
		const original = readFileSync(csv(), 'utf8');
		expect(original, 'Fury’s 1.2 million row is where the test expects it').toMatch(FURY_ROW);
		writeFileSync(csv(), original.replace(FURY_ROW, 'Fury,1500000,'));

		const { status, output } = build();
		expect(status, output).toBe(0);

		const embed = read('embed/downloads/index.html');
		expect(embed).toContain('more than 1.5 million');
		expect(embed).not.toContain('more than 1.2 million');
		expect(read('index.html')).toContain('more than 1.5 million');
	});

	test('a malformed count fails the build, names the cell, and keeps the last good build', () => {
		const before = readFileSync(join(dir, 'build/index.html'));
		const good = readFileSync(csv(), 'utf8');
		writeFileSync(csv(), good.replace(/^Fury,1500000,/m, 'Fury,1.2m,'));

		const { status, output } = build();
		expect(status, 'the build fails').not.toBe(0);
		expect(output).toContain('data/downloads.csv:2:downloads:');
		expect(readFileSync(join(dir, 'build/index.html')).equals(before), 'build/ untouched').toBe(
			true
		);
	});
});
