import Papa from 'papaparse';
import { parseCsv } from './parse-csv';

/** Cells a spreadsheet would run as a formula (CSV injection); see OWASP "CSV Injection". */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The CSV readers download: UTF-8 with a byte-order mark so Excel reads accents right, comma-delimited,
 * CRLF, and any cell that a spreadsheet would run as a formula prefixed with an apostrophe.
 * A negative-looking number is not data here (counts are never negative), so "-" is neutralised too.
 */
export function csvForDownload(text: string): string {
	const parsed = parseCsv(text, 'download');
	const rows = [parsed.header, ...parsed.records.map((record) => record.cells)].map((cells) =>
		cells.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))
	);
	return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
}
