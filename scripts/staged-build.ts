/**
 * How a finished build replaces the published one. The new site is written to `<dir>-next/`
 * (ignored by git, ESLint and Prettier through their `build-*` patterns), completed there, and
 * then swapped in with two renames: `<dir>` → `<dir>-old`, `<dir>-next` → `<dir>`; `<dir>-old` is
 * deleted last.
 *
 * Why renames: rename(2) is atomic on POSIX. A folder is either at its old name or its new one, with
 * all its files, whatever happens to the process. But POSIX has no call that replaces a non-empty
 * folder (rename fails with ENOTEMPTY), so the swap takes two. Between them, for microseconds,
 * `<dir>` does not exist: a reader gets "no such file", never a mix of two builds. If the process
 * dies exactly there, both siblings are complete, and restoreInterruptedSwap (run first by
 * `npm run build` and `npm start`) puts the newer one in place.
 *
 * A symlink swap (`build` → `releases/<id>`, replaced by renaming a new link over it) would close
 * even that gap, but `build/` would stop being a folder: `cp -r build`, Docker's COPY and
 * `rsync -a build host:` copy a symlink as a link, not the site, and hosts differ on whether they
 * follow one. A real folder that is briefly absent is the safer trade.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { verifyBuild } from './manifest.js';

export interface BuildFolders {
	/** The published build: what `npm start` serves and deploys upload. */
	dir: string;
	/** Where the next build is written until it is complete. */
	next: string;
	/** The previous build, for the moment between the two renames. */
	old: string;
}

export function buildFolders(dir: string): BuildFolders {
	return { dir, next: `${dir}-next`, old: `${dir}-old` };
}

/**
 * When a run died between the swap's two renames, `<dir>` is missing while a complete build waits
 * in `<dir>-next` (and the previous one in `<dir>-old`): publish the newer complete one. Does
 * nothing, and says nothing, in every other case.
 */
export function restoreInterruptedSwap(folders: BuildFolders): string | undefined {
	if (existsSync(folders.dir)) return undefined;
	for (const candidate of [folders.next, folders.old]) {
		if (!verifyBuild(candidate).ok) continue;
		renameSync(candidate, folders.dir);
		return `Restored ${basename(folders.dir)}/ from ${basename(candidate)}/, a complete build left by an interrupted swap.`;
	}
	return undefined;
}

/** Deletes what an interrupted build left beside `<dir>`; `<dir>` itself is never touched. */
export function removeLeftovers(folders: BuildFolders): string[] {
	const removed: string[] = [];
	for (const leftover of [folders.next, folders.old]) {
		if (!existsSync(leftover)) continue;
		rmSync(leftover, { recursive: true, force: true });
		removed.push(
			`Removed ${basename(leftover)}/, left by an interrupted build (it was never published).`
		);
	}
	return removed;
}

/**
 * Publishes the complete build in `<dir>-next`. Synchronous on purpose: no signal handler or other
 * callback can run between the two renames.
 */
export function promote(folders: BuildFolders, betweenRenames?: () => void): void {
	const hadOld = existsSync(folders.dir);
	if (hadOld) renameSync(folders.dir, folders.old);
	betweenRenames?.();
	renameSync(folders.next, folders.dir);
	if (hadOld) rmSync(folders.old, { recursive: true, force: true });
}
