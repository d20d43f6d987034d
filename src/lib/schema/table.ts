import * as v from 'valibot';
import type { DataIssue } from '../data/issues';
import { quote } from '../data/issues';
import type { ParsedCsv } from '../data/parse-csv';
import type { Column } from './columns';
import { closest } from './suggest';

export type Columns = Record<string, Column<unknown>>;

/** A validated row: one typed field per column, plus where it came from and any columns we don't know. */
export type RowOf<C extends Columns> = {
	[K in keyof C]: C[K] extends Column<infer T> ? T : never;
} & {
	/** Spreadsheet row number (header = row 1). */
	row: number;
	/** Extra columns an editor added: kept and passed through, never dropped. */
	extra: Record<string, string>;
};

export type Report = (column: string, message: string, severity?: 'error' | 'warning') => void;

export interface TableSpec<C extends Columns> {
	columns: C;
	/** A file that may legitimately have no rows yet, such as the corrections log. */
	allowEmpty?: boolean;
	/** Checks that need a whole row (or a judgement call, reported as a warning). */
	checkRow?: (row: RowOf<C>, report: Report) => void;
	/**
	 * How an edited file's row is recognised as the same row as before (data:diff, the editor), strictest
	 * first: a row whose figure or date was edited still matches on what it is about, so it shows as
	 * changed rather than as one row removed and another added. Without it, only identical rows match.
	 */
	identity?: readonly (readonly (keyof C & string)[])[];
	/** One line naming a row the way an editor would look for it; without it, the row's cells. */
	summary?: (row: RowOf<C>) => string;
}

export interface Validated<Row> {
	header: string[];
	rows: Row[];
	issues: DataIssue[];
}

export function validateTable<C extends Columns>(
	spec: TableSpec<C>,
	parsed: ParsedCsv,
	file: string
): Validated<RowOf<C>> {
	const issues = [...parsed.issues];
	const { header } = parsed;
	if (header.length === 0) return { header, rows: [], issues };
	const headerIssues = checkHeader(spec.columns, header, file);
	issues.push(...headerIssues);
	if (headerIssues.some((issue) => issue.severity === 'error')) return { header, rows: [], issues };

	const known = new Set(Object.keys(spec.columns));
	const rows: RowOf<C>[] = [];
	const seen = new Map<string, number>();
	// A row the parser already flagged (an unclosed quote) would only add a confusing cell count.
	const unreadable = new Set(parsed.issues.map((issue) => issue.row));
	for (const record of parsed.records) {
		if (unreadable.has(record.row)) continue;
		const at = (
			column: string | undefined,
			message: string,
			severity: 'error' | 'warning' = 'error'
		) => issues.push({ file, row: record.row, column, severity, message });
		if (record.cells.length !== header.length) {
			// Too many cells is usually an unquoted comma; too few, cells left out rather than left empty.
			const fix =
				record.cells.length > header.length
					? 'a cell containing a comma must be wrapped in "…"'
					: 'add the missing cells (an empty cell still needs its comma)';
			at(
				undefined,
				`row has ${record.cells.length} cell${record.cells.length === 1 ? '' : 's'} but the header has ${header.length}; ${fix}`
			);
			continue;
		}
		const key = record.cells.map((cell) => cell.trim()).join('\u0000');
		const first = seen.get(key);
		if (first !== undefined) {
			at(undefined, `row repeats row ${first} exactly; delete one of them`);
			continue;
		}
		seen.set(key, record.row);

		const values: Record<string, unknown> = { row: record.row, extra: {} };
		let rowOk = true;
		header.forEach((name, index) => {
			const raw = record.cells[index] ?? '';
			if (!known.has(name)) {
				(values.extra as Record<string, string>)[name] = raw;
				return;
			}
			const column = spec.columns[name]!;
			if (raw.trim() === '') {
				if (column.required) {
					at(name, `is empty; ${name} is required (${column.expects})`);
					rowOk = false;
				}
				values[name] = undefined;
				return;
			}
			const result = v.safeParse(column.schema, raw);
			if (result.success) values[name] = result.output;
			else {
				at(name, result.issues[0]?.message ?? `${quote(raw)} is not valid (${column.expects})`);
				rowOk = false;
			}
		});
		if (!rowOk) continue;
		const row = values as RowOf<C>;
		spec.checkRow?.(row, (column, message, severity = 'error') => {
			at(column, message, severity);
			if (severity === 'error') rowOk = false;
		});
		if (rowOk) rows.push(row);
	}
	if (
		parsed.records.length === 0 &&
		!spec.allowEmpty &&
		!issues.some((issue) => issue.severity === 'error')
	) {
		issues.push({ file, row: 2, severity: 'error', message: 'file has a header but no data rows' });
	}
	return { header, rows, issues };
}

function checkHeader(columns: Columns, header: string[], file: string): DataIssue[] {
	const issues: DataIssue[] = [];
	const at = (
		column: string | undefined,
		message: string,
		severity: 'error' | 'warning' = 'error'
	) => issues.push({ file, row: 1, column, severity, message });
	const expected = Object.keys(columns);
	const firstIndex = new Map<string, number>();
	header.forEach((name, index) => {
		if (name === '') at(undefined, `column ${index + 1} has no name in the header row`);
		const earlier = firstIndex.get(name);
		if (name !== '' && earlier !== undefined) {
			at(
				name,
				`column "${name}" appears twice (columns ${earlier + 1} and ${index + 1}); keep one`
			);
		}
		if (earlier === undefined) firstIndex.set(name, index);
	});
	const unknown = header.filter((name) => name !== '' && !(name in columns));
	const explained = new Set<string>();
	for (const name of expected) {
		if (!columns[name]!.required || firstIndex.has(name)) continue;
		const guess = closest(name, unknown);
		if (guess) explained.add(guess);
		const hint = guess ? `; found "${guess}": did you mean "${name}"? Rename that header` : '';
		at(guess ?? name, `missing required column "${name}" (${columns[name]!.expects})${hint}`);
	}
	for (const name of unknown) {
		if (explained.has(name)) continue;
		const guess = closest(name, expected);
		const hint = guess ? ` (did you mean "${guess}"?)` : '';
		at(
			name,
			`unknown column "${name}"${hint} is kept in the data but not shown on the page`,
			'warning'
		);
	}
	return issues;
}
