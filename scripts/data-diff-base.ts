import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import type { DataIssue } from '../src/lib/data/issues';
import { parseCsv } from '../src/lib/data/parse-csv';
import { datasetFile, type DatasetId } from '../src/lib/schema/datasets';

/** What `data/` is compared with when the editor names no other file: what is published. */
export interface PublishedBase {
	/** Said before the diff, e.g. "the last commit (HEAD 53390f8, 2026-11-30)". */
	label: string;
	/** How one file of it is named in the diff, e.g. `HEAD:data/downloads.csv`. */
	name(id: DatasetId): string;
	/** The file's bytes; undefined when this version has no such file (a dataset added since). */
	read(id: DatasetId): Uint8Array | undefined;
}

function git(root: string, args: string[]): string {
	return execFileSync('git', args, {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		maxBuffer: 64 * 1024 * 1024
	});
}

/** The last commit, when root is a git checkout with at least one commit. */
function headBase(root: string): PublishedBase | undefined {
	let head: string;
	try {
		head = git(root, ['log', '-1', '--format=%h %cs']).trim();
	} catch {
		return undefined;
	}
	if (!head) return undefined;
	const [sha, day] = head.split(' ');
	return {
		label: `the last commit (HEAD ${sha}, ${day})`,
		name: (id) => `HEAD:${datasetFile(id)}`,
		read(id) {
			try {
				// `./` makes the path relative to root, wherever the repository's top is.
				return execFileSync('git', ['show', `HEAD:./${datasetFile(id)}`], {
					cwd: root,
					stdio: ['ignore', 'pipe', 'ignore'],
					maxBuffer: 64 * 1024 * 1024
				});
			} catch {
				return undefined;
			}
		}
	};
}

/**
 * The build publishes each CSV at /data/<id>.csv as readers download it (src/lib/data/csv-download.ts):
 * with a byte-order mark, CRLF, and an apostrophe before any cell a spreadsheet would run as a formula.
 * All three are undone here, so each cell reads as the editor wrote it.
 */
export function fromDownloadCsv(text: string): string {
	// LF first: parseCsv leaves a stray \r after the last row of a CRLF file.
	const parsed = parseCsv(text.replace(/\r\n/g, '\n'), 'build');
	const rows = [parsed.header, ...parsed.records.map((record) => record.cells)].map((cells) =>
		cells.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell))
	);
	return Papa.unparse(rows, { newline: '\n' }) + '\n';
}

/** The last build's copy, for a checkout without git (a zip, a CI cache). */
function buildBase(root: string): PublishedBase | undefined {
	const dir = resolve(root, process.env.BUILD_DIR || 'build', 'data');
	if (!existsSync(dir)) return undefined;
	const shown = relative(root, dir) || dir;
	const built = statSync(dir).mtime.toISOString().slice(0, 16).replace('T', ' ');
	return {
		label: `the last build's copy of the data (${shown}/, built ${built} UTC)`,
		name: (id) => `${shown}/${id}.csv`,
		read(id) {
			const path = join(dir, `${id}.csv`);
			if (!existsSync(path)) return undefined;
			return new TextEncoder().encode(fromDownloadCsv(readFileSync(path, 'utf8')));
		}
	};
}

/** HEAD when there is git, else the last build; an issue when there is neither. */
export function publishedBase(root: string): PublishedBase | DataIssue {
	return (
		headBase(root) ??
		buildBase(root) ?? {
			file: 'data/',
			severity: 'error',
			message:
				'nothing published to compare with: this folder is not a git checkout and has no build/; run npm run build first, or name the new file (npm run data:diff -- ~/Downloads/downloads.csv)'
		}
	);
}
