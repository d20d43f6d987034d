import Papa from 'papaparse';
import type { DataIssue } from './issues';

/** One record of the file, numbered as a spreadsheet numbers it (header = row 1). */
export interface CsvRecord {
	row: number;
	cells: string[];
}

export interface ParsedCsv {
	header: string[];
	records: CsvRecord[];
	delimiter: string;
	issues: DataIssue[];
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Text → header and records. Accepts what spreadsheets export (`;` or tab delimiters, CRLF, a BOM)
 * and never throws: every problem comes back as a located issue.
 */
export function parseCsv(text: string, file: string): ParsedCsv {
	const issues: DataIssue[] = [];
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') {
		return {
			header: [],
			records: [],
			delimiter: ',',
			issues: [emptyFile(file)]
		};
	}
	const result = Papa.parse<string[]>(withoutTrailingBlankLines(body), {
		header: false,
		skipEmptyLines: false,
		delimitersToGuess: DELIMITERS
	});
	const delimiter = DELIMITERS.includes(result.meta.delimiter) ? result.meta.delimiter : ',';
	for (const error of result.errors) {
		// Papaparse can only guess when a file has one column; that is fine, the schema says what is missing.
		if (error.code === 'UndetectableDelimiter') continue;
		const row = typeof error.row === 'number' ? error.row + 1 : undefined;
		issues.push({ file, row, severity: 'error', message: papaMessage(error) });
	}
	const all = result.data.map((cells, index) => ({ row: index + 1, cells }));
	const headerRecord = all.find((record) => !isBlank(record.cells));
	// Only delimiters and spaces (a spreadsheet's empty sheet): as empty as a file with nothing in it.
	if (!headerRecord) return { header: [], records: [], delimiter, issues: [emptyFile(file)] };
	const header = headerRecord.cells.map((name) => name.trim());
	const records = all.filter((record) => record.row > headerRecord.row && !isBlank(record.cells));
	return { header, records, delimiter, issues };
}

/**
 * Spreadsheets can export thousands of empty rows below the table. They carry no data and would cost
 * the parser one array each, so they are cut before parsing; rows above keep their numbers.
 */
function withoutTrailingBlankLines(text: string): string {
	let end = text.length;
	let cut = -1;
	while (end > 0) {
		const char = text[end - 1]!;
		if (char === '\n') cut = end - 1;
		else if (char !== '\r' && char !== ' ' && char !== '\t' && char !== ',' && char !== ';') break;
		end--;
	}
	return cut === -1 ? text : text.slice(0, cut);
}

function emptyFile(file: string): DataIssue {
	return { file, severity: 'error', message: 'file is empty; it needs a header row and data rows' };
}

function isBlank(cells: string[]): boolean {
	return cells.every((cell) => cell.trim() === '');
}

function papaMessage(error: Papa.ParseError): string {
	if (error.code === 'MissingQuotes') {
		return 'a quoted cell is never closed; add the missing closing " (a cell that contains a comma or a line break must be wrapped in "…")';
	}
	if (error.code === 'InvalidQuotes') {
		return 'a quote mark sits in the middle of an unquoted cell; wrap the cell in "…" and double any " inside it ("")';
	}
	return error.message;
}
