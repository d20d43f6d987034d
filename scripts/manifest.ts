/**
 * The completeness marker of a build: `.build-manifest.json`, written by scripts/build.ts as the
 * very last file of a build, after Vite, the adapter, headers and precompression. A folder without
 * it, or whose files differ from the list in it, is not a complete build and is never served or
 * published. It is a dotfile so that `npm start` and the host files treat it like `_headers`: for
 * tools, not readers (see isServedFile in host-config.ts).
 *
 * As a CLI, `npx tsx scripts/manifest.ts [dir]` checks a folder before it is published and
 * exits 1, with one line saying why, when it is not a complete build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MANIFEST_NAME = '.build-manifest.json';

export interface BuildManifest {
	/** When the build began reading the sources: `npm start` rebuilds if any is newer. */
	startedAt: string;
	/** When the build finished (just before this file was written). */
	builtAt: string;
	/** sha256 over the data/*.csv files the build read, so a deploy can say which data it carries. */
	dataDigest: string;
	/** Files in the build, this one excluded. */
	fileCount: number;
	/** sha256 of each file, by path relative to the build folder with `/` separators. */
	files: Record<string, string>;
}

export type Verdict = { ok: true; manifest: BuildManifest } | { ok: false; reason: string };

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file below `dir` (the manifest excluded), sorted, with `/` separators. */
export function listBuildFiles(dir: string, under = ''): string[] {
	const files: string[] = [];
	for (const name of readdirSync(join(dir, under)).sort()) {
		const path = under ? `${under}/${name}` : name;
		if (statSync(join(dir, path)).isDirectory()) files.push(...listBuildFiles(dir, path));
		else if (path !== MANIFEST_NAME) files.push(path);
	}
	return files;
}

/** The sha256 of every file of a build folder. */
export function hashBuildFiles(dir: string): Record<string, string> {
	return Object.fromEntries(
		listBuildFiles(dir).map((path) => [path, sha256(readFileSync(join(dir, path)))])
	);
}

/** One digest for a project's data: its CSV files' names and bytes, in name order. */
export function dataDigest(dataDir: string): string {
	const hash = createHash('sha256');
	const names = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => n.endsWith('.csv')) : [];
	for (const name of names.sort()) {
		hash.update(`${name}\0${sha256(readFileSync(join(dataDir, name)))}\n`);
	}
	return hash.digest('hex');
}

/** Reads the marker, or undefined when the folder has none (or it is unreadable). */
export function readManifest(dir: string): BuildManifest | undefined {
	try {
		return JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as BuildManifest;
	} catch {
		return undefined;
	}
}

/**
 * Whether `dir` holds exactly the build its manifest describes: every file present with the same
 * bytes, and nothing else. Hashing the whole build costs tens of milliseconds, and catches a folder
 * that was half-copied or edited by hand, not only one the build never finished.
 */
export function verifyBuild(dir: string): Verdict {
	const name = relative(process.cwd(), dir) || '.';
	if (!existsSync(dir)) return { ok: false, reason: `${name}/ does not exist` };
	const manifest = readManifest(dir);
	if (!manifest?.files) {
		return { ok: false, reason: `${name}/ has no ${MANIFEST_NAME}, so it is not a complete build` };
	}
	const actual = hashBuildFiles(dir);
	for (const [path, digest] of Object.entries(manifest.files)) {
		if (!(path in actual)) return { ok: false, reason: `${name}/${path} is missing` };
		if (actual[path] !== digest) {
			return { ok: false, reason: `${name}/${path} differs from the build that wrote it` };
		}
	}
	const extra = Object.keys(actual).find((path) => !(path in manifest.files));
	if (extra) return { ok: false, reason: `${name}/${extra} is not part of the build` };
	return { ok: true, manifest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const dir = resolve(process.argv[2] ?? resolve(root, process.env.BUILD_DIR ?? 'build'));
	const verdict = verifyBuild(dir);
	if (!verdict.ok) {
		console.error(`Not publishable: ${verdict.reason}. Run npm run build and check again.`);
		process.exit(1);
	}
	const { builtAt, fileCount, dataDigest: data } = verdict.manifest;
	console.log(
		`${relative(process.cwd(), dir) || '.'}/ is a complete build: ${fileCount} files, built ${builtAt}, data sha256 ${data.slice(0, 12)}.`
	);
}
