import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { formatIssue } from '../data/issues';
import { loadAllData } from '../data/load.server';
import { normaliseCsv } from '../data/normalise';
import { validateDataset } from '../data/validate';
import { datasetFile, type DatasetId, type DatasetRows } from '../schema/datasets';
import { parseStory, STORY_FILE } from '../story/story';

/**
 * Publishing from /editor/ under `npm run dev`: the file is checked exactly as the build checks it,
 * then written so that data/<id>.csv is always either the old file or the whole new one — never half a
 * CSV — and the old file is kept once, in data/.undo/, for one undo.
 */

/** The file operations publishing uses; a test swaps one for a failing one. */
export type PublishFs = Pick<
	typeof nodeFs,
	| 'closeSync'
	| 'copyFileSync'
	| 'existsSync'
	| 'fsyncSync'
	| 'mkdirSync'
	| 'openSync'
	| 'renameSync'
	| 'rmSync'
	| 'writeSync'
>;

export type PublishResult =
	{ ok: true; message: string } | { ok: false; status: 404 | 422 | 500; errors: string[] };

export const undoFile = (id: DatasetId) => `data/.undo/${id}.csv`;

/**
 * Writes `text` to a temporary file beside `target` (same folder, so the rename can't cross disks),
 * flushes it to disk, then renames it over `target`: a crash or a failed rename leaves `target` as it
 * was, and the temporary file is removed.
 */
function replaceAtomically(fs: PublishFs, target: string, write: (temp: string) => void): void {
	const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
	try {
		write(temp);
		fs.renameSync(temp, target);
	} catch (error) {
		fs.rmSync(temp, { force: true });
		throw error;
	}
}

function writeFlushed(fs: PublishFs, path: string, text: string): void {
	const fd = fs.openSync(path, 'wx');
	try {
		fs.writeSync(fd, text);
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/** The build's check: the file itself, then the story's figures with it in place of the published one. */
function check(root: string, id: DatasetId, text: string) {
	const file = datasetFile(id);
	const result = validateDataset(id, text, file);
	const errors = result.issues.filter((issue) => issue.severity === 'error').map(formatIssue);
	if (errors.length) return { errors };
	const data = loadAllData(root);
	const rows = { ...data.rows, [id]: result.rows } as DatasetRows;
	const others = data.issues
		.filter((issue) => issue.severity === 'error' && issue.file !== file)
		.map(formatIssue);
	const story = parseStory(nodeFs.readFileSync(join(root, STORY_FILE), 'utf8'), rows);
	return { errors: [...others, ...story.problems], rows: result.rows, header: result.header };
}

export function publishDataset(
	root: string,
	id: DatasetId,
	text: string,
	fs: PublishFs = nodeFs
): PublishResult {
	const checked = check(root, id, text);
	if (!checked.rows || checked.errors.length) {
		return { ok: false, status: 422, errors: checked.errors };
	}
	const target = join(root, datasetFile(id));
	const clean = normaliseCsv(id, checked.rows, checked.header);
	try {
		if (fs.existsSync(target)) {
			const undo = join(root, undoFile(id));
			fs.mkdirSync(dirname(undo), { recursive: true });
			replaceAtomically(fs, undo, (temp) => fs.copyFileSync(target, temp));
		}
		replaceAtomically(fs, target, (temp) => writeFlushed(fs, temp, clean));
	} catch (error) {
		return {
			ok: false,
			status: 500,
			errors: [
				`${datasetFile(id)}: could not be written (${(error as Error).message}); the published file is unchanged`
			]
		};
	}
	return {
		ok: true,
		message: `Published ${datasetFile(id)}: ${checked.rows.length} rows. The previous file is kept in ${undoFile(id)} for one undo.`
	};
}

/** Puts back the file a publish replaced, once: the kept copy is used up. */
export function undoPublish(root: string, id: DatasetId, fs: PublishFs = nodeFs): PublishResult {
	const undo = join(root, undoFile(id));
	if (!fs.existsSync(undo)) {
		return {
			ok: false,
			status: 404,
			errors: [`${undoFile(id)}: nothing to undo; no earlier version of ${datasetFile(id)} is kept`]
		};
	}
	try {
		replaceAtomically(fs, join(root, datasetFile(id)), (temp) => fs.copyFileSync(undo, temp));
		fs.rmSync(undo, { force: true });
	} catch (error) {
		return {
			ok: false,
			status: 500,
			errors: [`${datasetFile(id)}: could not be restored (${(error as Error).message})`]
		};
	}
	return { ok: true, message: `Restored ${datasetFile(id)} as it was before the last publish.` };
}
