/**
 * Decides whether build/ still reflects the sources, so `npm start` never serves a stale site.
 * Compares file times only: hashing every input would cost more than the build it might save.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

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
function walk(path: string, visit: (stats: Stats) => void): void {
	const stats = statOrUndefined(path);
	if (!stats) return;
	visit(stats);
	if (!stats.isDirectory()) return;
	for (const name of readdirSync(path)) walk(join(path, name), visit);
}

/**
 * Newest change among the inputs. Folders count too: deleting a source file only touches its
 * folder's mtime, and a deletion must trigger a rebuild as well.
 */
export function newestInputMtime(root: string, inputs = BUILD_INPUTS): number {
	let newest = 0;
	for (const input of inputs)
		walk(join(root, input), (s) => (newest = Math.max(newest, s.mtimeMs)));
	return newest;
}

/**
 * When the last build started, or undefined if there is none. The adapter empties build/ and
 * writes (or copies, without keeping times) every file, so the oldest file is the closest to the
 * moment the sources were read; a source saved mid-build then still counts as newer.
 */
export function buildStartedMtime(buildDir: string): number | undefined {
	let oldest: number | undefined;
	walk(buildDir, (s) => {
		if (s.isFile()) oldest = Math.min(oldest ?? Infinity, s.mtimeMs);
	});
	return oldest;
}

export function isBuildStale(root: string, buildDir: string): boolean {
	const built = buildStartedMtime(buildDir);
	return built === undefined || newestInputMtime(root) > built;
}

/** Runs `npm run build` in `root` with its output shown, resolving to the exit code. */
export function runBuild(root: string): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		child.on('error', () => resolve(1));
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}
