import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildStale } from './build-freshness.js';

let root: string;

/** Writes a file and dates it, and the folders made for it, `secondsAgo` before now. */
function file(path: string, secondsAgo: number): void {
	const abs = join(root, path);
	mkdirSync(dirname(abs), { recursive: true });
	writeFileSync(abs, 'x');
	const time = new Date(Date.now() - secondsAgo * 1000);
	for (let p = abs; p !== root; p = dirname(p)) utimesSync(p, time, time);
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'freshness-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('isBuildStale', () => {
	it('asks for a build when there is none', () => {
		file('src/app.html', 100);
		expect(isBuildStale(root, join(root, 'build'))).toBe(true);
	});

	it('serves the existing build when nothing changed after it', () => {
		file('src/routes/+page.svelte', 100);
		file('data/downloads.csv', 90);
		file('build/index.html', 50);
		file('build/_app/immutable/start.js', 50);
		expect(isBuildStale(root, join(root, 'build'))).toBe(false);
	});

	it('rebuilds after an editor changes a CSV', () => {
		file('build/index.html', 50);
		file('data/downloads.csv', 10);
		expect(isBuildStale(root, join(root, 'build'))).toBe(true);
	});

	it('rebuilds after story copy or the Svelte config changes', () => {
		file('build/index.html', 50);
		file('src/content/story.aml', 10);
		expect(isBuildStale(root, join(root, 'build'))).toBe(true);

		rmSync(join(root, 'src'), { recursive: true });
		file('svelte.config.js', 10);
		expect(isBuildStale(root, join(root, 'build'))).toBe(true);
	});
});
