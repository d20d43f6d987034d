/**
 * Writes a file so that a reader sees either its old or its new content, never a half-written one:
 * the bytes go to a temporary file beside it, which is then renamed over it. rename(2) replaces a
 * file in one step on POSIX file systems, and the temporary file is in the same folder, so on the
 * same file system (a rename across file systems would be a copy).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string | Buffer): void {
	const dir = dirname(path);
	mkdirSync(dir, { recursive: true });
	// A dotfile with the pid: two builds never share one, and a leftover is plainly not the config.
	const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temp, content);
		renameSync(temp, path);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}
