import { SPECS, type DatasetId, type DatasetRows } from '../schema/datasets';
import { validateTable, type Validated } from '../schema/table';
import { decodeCsvBytes } from './decode';
import type { DataIssue } from './issues';
import { parseCsv, type CsvRecord } from './parse-csv';

export type DatasetResult<K extends DatasetId> = Validated<DatasetRows[K][number]>;

/** A validation plus the raw records it came from, for the editor's preview table. */
export interface Inspection<K extends DatasetId> extends DatasetResult<K> {
	records: CsvRecord[];
}

/**
 * The one path from a file's contents to typed rows, shared by the build, the dev server, the CLI,
 * the tests and the in-browser editor. Never throws: problems come back as located issues.
 */
export function validateDataset<K extends DatasetId>(
	id: K,
	contents: string | Uint8Array,
	file: string
): DatasetResult<K> {
	const { header, rows, issues } = inspectDataset(id, contents, file);
	return { header, rows, issues };
}

/** validateDataset, keeping the cells as written so a preview can show them next to the issues. */
export function inspectDataset<K extends DatasetId>(
	id: K,
	contents: string | Uint8Array,
	file: string
): Inspection<K> {
	let text: string;
	if (typeof contents === 'string') text = contents;
	else {
		const decoded = decodeCsvBytes(contents);
		if (!decoded.ok) return failed(file, decoded.message);
		text = decoded.text;
	}
	try {
		const parsed = parseCsv(text, file);
		const result = validateTable(SPECS[id], parsed, file) as DatasetResult<K>;
		return { ...result, records: parsed.records };
	} catch (error) {
		// A bug of ours must still reach the editor as a message about their file, not a stack trace.
		return failed(
			file,
			`could not be read (${(error as Error).message}); please report this file to the graphics desk`
		);
	}
}

function failed<K extends DatasetId>(file: string, message: string): Inspection<K> {
	const issue: DataIssue = { file, severity: 'error', message };
	return { header: [], rows: [], issues: [issue], records: [] };
}
