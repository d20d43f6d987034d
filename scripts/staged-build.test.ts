import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashBuildFiles, MANIFEST_NAME, verifyBuild } from './manifest.js';
import {
	buildFolders,
	promote,
	removeLeftovers,
	restoreInterruptedSwap,
	type BuildFolders
} from './staged-build.js';
import { writeFileAtomic } from './write-atomic.js';

let root: string;
let folders: BuildFolders;

/** A build folder with one page saying `text`; complete (with its manifest) unless told otherwise. */
function site(dir: string, text: string, complete = true): void {
	mkdirSync(join(dir, 'embed'), { recursive: true });
	writeFileSync(join(dir, 'index.html'), `<p>${text}</p>`);
	writeFileSync(join(dir, 'embed/index.html'), `<p>${text} embed</p>`);
	if (!complete) return;
	const files = hashBuildFiles(dir);
	const manifest = { startedAt: '', builtAt: '', dataDigest: '', fileCount: 2, files };
	writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify(manifest));
}

const page = (dir: string) => readFileSync(join(dir, 'index.html'), 'utf8');

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'staged-build-'));
	folders = buildFolders(join(root, 'build'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('promote', () => {
	it('replaces the published build whole, and leaves nothing beside it', () => {
		site(folders.dir, 'old');
		site(folders.next, 'new');
		let during: string[] = [];
		promote(folders, () => (during = readdirSync(root).sort()));
		expect(page(folders.dir)).toBe('<p>new</p>');
		expect(verifyBuild(folders.dir).ok).toBe(true);
		expect(readdirSync(root)).toEqual(['build']);
		// Between the two renames there is no build/ at all, never a mix of two.
		expect(during).toEqual(['build-next', 'build-old']);
	});

	it('publishes the first build when there was none', () => {
		site(folders.next, 'first');
		promote(folders);
		expect(page(folders.dir)).toBe('<p>first</p>');
	});
});

describe('after an interrupted build', () => {
	it('deletes a partial build-next/ and never touches build/', () => {
		site(folders.dir, 'published');
		site(folders.next, 'half', false);
		expect(restoreInterruptedSwap(folders)).toBeUndefined();
		expect(removeLeftovers(folders)).toEqual([
			'Removed build-next/, left by an interrupted build (it was never published).'
		]);
		expect(readdirSync(root)).toEqual(['build']);
		expect(page(folders.dir)).toBe('<p>published</p>');
	});

	it('puts the new complete build in place when the run died between the two renames', () => {
		site(folders.old, 'old');
		site(folders.next, 'new');
		expect(restoreInterruptedSwap(folders)).toMatch(/^Restored build\/ from build-next\//);
		removeLeftovers(folders);
		expect(page(folders.dir)).toBe('<p>new</p>');
		expect(readdirSync(root)).toEqual(['build']);
	});

	it('falls back to the previous build when the new one is not complete', () => {
		site(folders.old, 'old');
		site(folders.next, 'half', false);
		expect(restoreInterruptedSwap(folders)).toMatch(/from build-old\//);
		expect(page(folders.dir)).toBe('<p>old</p>');
	});

	it('publishes nothing when no complete build is left', () => {
		site(folders.next, 'half', false);
		expect(restoreInterruptedSwap(folders)).toBeUndefined();
		expect(existsSync(folders.dir)).toBe(false);
	});
});

describe('writeFileAtomic', () => {
	it('replaces a file whole and leaves no temporary file', () => {
		const conf = join(root, 'deploy/nginx.conf');
		writeFileAtomic(conf, 'old');
		writeFileAtomic(conf, 'new');
		expect(readFileSync(conf, 'utf8')).toBe('new');
		expect(readdirSync(join(root, 'deploy'))).toEqual(['nginx.conf']);
	});
});
