/**
 * Decides whether build/ can be served as it is, so `npm start` never serves a stale or partial
 * site. Compares file times with the time the build started, as its manifest records it: hashing
 * every input would cost more than the build it might save.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { verifyBuild } from './manifest.js';

/** Everything that can change the built output. */
export const BUILD_INPUTS = ['data', 'src', 'static', 'svelte.config.js', 'vite.config.ts'];

function statOrUndefined(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

/** Calls `visit` for `path` and, if it is a folder, everything below it. Missing paths are skipped. */
function walk(path: string, visit: (path: string, stats: Stats) => void): void {
	const stats = statOrUndefined(path);
	if (!stats) return;
	visit(path, stats);
	if (!stats.isDirectory()) return;
	for (const name of readdirSync(path)) walk(join(path, name), visit);
}

/**
 * The most recently changed input and its time. Folders count too: deleting a source file only
 * touches its folder's mtime, and a deletion must trigger a rebuild as well.
 */
export function newestInput(root: string, inputs = BUILD_INPUTS): { path: string; mtimeMs: number } {
	let newest = { path: '', mtimeMs: 0 };
	for (const input of inputs) {
		walk(join(root, input), (path, s) => {
			// `>=`: on a tie the file wins over its folder, which names the change better.
			if (s.mtimeMs >= newest.mtimeMs) newest = { path: relative(root, path), mtimeMs: s.mtimeMs };
		});
	}
	return newest;
}

export type BuildState = { serve: true } | { serve: false; reason: string };

/**
 * Whether `buildDir` is a complete build (scripts/manifest.ts) newer than every input. The
 * manifest's `startedAt` is taken before the build reads a source, so a source saved mid-build
 * still counts as newer. With `checkSources` false only completeness is checked.
 */
export function buildState(root: string, buildDir: string, checkSources = true): BuildState {
	const verdict = verifyBuild(buildDir);
	if (!verdict.ok) return { serve: false, reason: verdict.reason };
	if (!checkSources) return { serve: true };
	const newest = newestInput(root);
	if (newest.mtimeMs > Date.parse(verdict.manifest.startedAt)) {
		const dir = relative(root, buildDir) || '.';
		return { serve: false, reason: `${newest.path} changed after ${dir}/ was built` };
	}
	return { serve: true };
}

export function isBuildStale(root: string, buildDir: string): boolean {
	return !buildState(root, buildDir).serve;
}

/** Runs `npm run build` in `root` with its output shown, resolving to the exit code. */
export function runBuild(root: string): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		child.on('error', () => resolve(1));
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}
