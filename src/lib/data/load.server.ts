import { execFileSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATASET_IDS, datasetFile, type DatasetId, type DatasetRows } from '../schema/datasets';
import { MAX_CSV_BYTES, sizeLimitMessage } from './decode';
import type { DataIssue } from './issues';
import { validateDataset } from './validate';

export interface LoadedData {
	rows: DatasetRows;
	/** Per dataset: the day its file last changed (git commit date, else file time), YYYY-MM-DD. */
	updated: Record<DatasetId, string>;
	issues: DataIssue[];
}

/** Reads a file only after checking its size, so a huge file is refused without loading it. */
export function readDataFile(
	path: string,
	shownAs: string
): { bytes?: Uint8Array; issue?: DataIssue } {
	if (!existsSync(path)) {
		return {
			issue: {
				file: shownAs,
				severity: 'error',
				message:
					'file not found; check the path and the name (restore it from git if it was deleted)'
			}
		};
	}
	const stats = statSync(path);
	if (!stats.isFile()) {
		return {
			issue: { file: shownAs, severity: 'error', message: 'is a folder, not a CSV file' }
		};
	}
	const size = stats.size;
	if (size > MAX_CSV_BYTES)
		return { issue: { file: shownAs, severity: 'error', message: sizeLimitMessage(size) } };
	const bytes = new Uint8Array(size);
	const fd = openSync(path, 'r');
	try {
		readSync(fd, bytes, 0, size, 0);
	} finally {
		closeSync(fd);
	}
	return { bytes };
}

export function lastUpdated(path: string, root: string): string {
	try {
		const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', relative(root, path)], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		// An uncommitted edit is newer than its last commit: show the day the editor saved it.
		const dirty = execFileSync('git', ['status', '--porcelain', '--', relative(root, path)], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		if (/^\d{4}-\d{2}-\d{2}$/.test(date) && dirty === '') return date;
	} catch {
		// Not a git checkout (a downloaded zip, a CI cache): the file's own time is the best we have.
	}
	return statSync(path).mtime.toISOString().slice(0, 10);
}

export function loadDataset<K extends DatasetId>(id: K, root: string) {
	const file = datasetFile(id);
	const path = join(root, file);
	const read = readDataFile(path, file);
	if (!read.bytes) return { rows: [] as DatasetRows[K], issues: [read.issue!], updated: '' };
	const result = validateDataset(id, read.bytes, file);
	return {
		rows: result.rows as DatasetRows[K],
		issues: result.issues,
		updated: lastUpdated(path, root)
	};
}

export function loadAllData(root = process.cwd()): LoadedData {
	const rows = {} as DatasetRows;
	const updated = {} as Record<DatasetId, string>;
	const issues: DataIssue[] = [];
	for (const id of DATASET_IDS) {
		const result = loadDataset(id, root);
		(rows as Record<DatasetId, unknown>)[id] = result.rows;
		updated[id] = result.updated;
		issues.push(...result.issues);
	}
	return { rows, updated, issues };
}
