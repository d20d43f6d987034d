import Papa from 'papaparse';
import { SPECS, type DatasetId, type DatasetRows } from '../schema/datasets';

type AnyRow = DatasetRows[DatasetId][number];

/**
 * A typed cell back to the text an editor would write: counts as plain digits, dates as written
 * (normalised), several sources joined with ` | `, an empty optional cell as nothing.
 */
export function cellText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(cellText).join(' | ');
	if (typeof value === 'object' && 'text' in value) return String(value.text);
	return String(value);
}

/** The schema's columns in order, then any extra columns the editor added, in their order. */
export function normalisedHeader(id: DatasetId, header: readonly string[] = []): string[] {
	const known = Object.keys(SPECS[id].columns);
	return [...known, ...header.filter((name) => name !== '' && !known.includes(name))];
}

/** One row as cells under normalisedHeader. */
export function rowCells(row: AnyRow, header: readonly string[]): string[] {
	const values = row as unknown as Record<string, unknown>;
	return header.map((name) => (name in values ? cellText(values[name]) : (row.extra[name] ?? '')));
}

/**
 * Validated rows → the CSV to put in `data/`: UTF-8 without a byte-order mark, comma-delimited,
 * LF line endings, counts without separators, the schema's column order. Same rows in, same bytes
 * out, so a re-saved file only shows real changes in review.
 */
export function normaliseCsv(
	id: DatasetId,
	rows: readonly AnyRow[],
	header: readonly string[] = []
): string {
	const columns = normalisedHeader(id, header);
	const body = rows.map((row) => rowCells(row, columns));
	return Papa.unparse([columns, ...body], { delimiter: ',', newline: '\n' }) + '\n';
}
