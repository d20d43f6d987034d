import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, isBuildStale } from './build-freshness.js';
import { hashBuildFiles, MANIFEST_NAME, type BuildManifest } from './manifest.js';

let root: string;
let build: string;

/** Writes a file and dates it, and the folders made for it, `secondsAgo` before now. */
function file(path: string, secondsAgo: number, content = 'x'): void {
	const abs = join(root, path);
	mkdirSync(dirname(abs), { recursive: true });
	writeFileSync(abs, content);
	const time = new Date(Date.now() - secondsAgo * 1000);
	for (let p = abs; p !== root; p = dirname(p)) utimesSync(p, time, time);
}

/** A complete build whose sources were read `secondsAgo` before now, as scripts/build.ts leaves it. */
function completeBuild(secondsAgo: number): void {
	file('build/index.html', secondsAgo, '<h1>Story</h1>');
	file('build/_app/immutable/start.js', secondsAgo, 'start()');
	const manifest: BuildManifest = {
		startedAt: new Date(Date.now() - secondsAgo * 1000).toISOString(),
		builtAt: new Date(Date.now() - secondsAgo * 1000 + 20_000).toISOString(),
		dataDigest: 'd',
		fileCount: 2,
		files: hashBuildFiles(build)
	};
	writeFileSync(join(build, MANIFEST_NAME), JSON.stringify(manifest));
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'freshness-'));
	build = join(root, 'build');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildState', () => {
	it('asks for a build when there is none', () => {
		file('src/app.html', 100);
		expect(isBuildStale(root, build)).toBe(true);
	});

	it('serves the existing build when nothing changed after it', () => {
		file('src/routes/+page.svelte', 100);
		file('data/downloads.csv', 90);
		completeBuild(50);
		expect(buildState(root, build)).toEqual({ serve: true });
	});

	it('rebuilds after an editor changes a CSV, and says which file', () => {
		completeBuild(50);
		file('data/downloads.csv', 10);
		expect(buildState(root, build)).toEqual({
			serve: false,
			reason: 'data/downloads.csv changed after build/ was built'
		});
	});

	it('rebuilds after story copy or the Svelte config changes', () => {
		completeBuild(50);
		file('src/content/story.aml', 10);
		expect(isBuildStale(root, build)).toBe(true);

		rmSync(join(root, 'src'), { recursive: true });
		file('svelte.config.js', 10);
		expect(isBuildStale(root, build)).toBe(true);
	});

	it('rebuilds when a source was saved while the build was running', () => {
		// The build read its sources 50 s ago and finished 30 s ago; the CSV changed in between.
		completeBuild(50);
		file('data/downloads.csv', 40);
		expect(isBuildStale(root, build)).toBe(true);
	});

	it('never serves a folder without the completeness marker, however new', () => {
		file('data/downloads.csv', 100);
		file('build/index.html', 10);
		const state = buildState(root, build);
		expect(state.serve).toBe(false);
		expect(state.serve || state.reason).toContain(`has no ${MANIFEST_NAME}`);
		// SKIP_BUILD_CHECK skips the dates, not completeness.
		expect(buildState(root, build, false).serve).toBe(false);
	});

	it('never serves a build that lost or changed a file after it was made', () => {
		completeBuild(50);
		rmSync(join(build, '_app/immutable/start.js'));
		expect(buildState(root, build, false)).toEqual({
			serve: false,
			reason: expect.stringContaining('_app/immutable/start.js is missing')
		});

		completeBuild(50);
		writeFileSync(join(build, 'index.html'), '<h1>Half</h1>');
		expect(buildState(root, build, false)).toEqual({
			serve: false,
			reason: expect.stringContaining('index.html differs')
		});
	});
});
