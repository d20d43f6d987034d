import { SPECS, type DatasetId, type DatasetRows } from '../schema/datasets';
import type { FuzzyDate } from '../schema/dates';
import { normalisedHeader, rowCells } from './normalise';

/**
 * Row-level diff of two versions of one dataset. Nothing here knows a dataset by name: how rows are
 * matched (`identity`) and named (`summary`) come from each schema spec in src/lib/schema/, and the
 * extremes from the typed values themselves, so a new dataset or column needs no edit here.
 */

type AnyRow = DatasetRows[DatasetId][number];

export interface FieldChange {
	column: string;
	before: string;
	after: string;
	/** The column holds counts, shown with thousands separators (a year-only date must not be). */
	count?: boolean;
}

export interface RowChange {
	before: AnyRow;
	after: AnyRow;
	fields: FieldChange[];
}

/** A dataset's largest, smallest, first or last value, before and after. */
export interface Extreme {
	name: string;
	before: string;
	after: string;
}

export interface DatasetDiff {
	id: DatasetId;
	added: AnyRow[];
	removed: AnyRow[];
	changed: RowChange[];
	unchanged: number;
	extremes: Extreme[];
}

/** 1200000 → "1,200,000": figures in a diff are read by people, not parsed. */
export function grouped(value: number): string {
	return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const key = (cells: string[]) => cells.map((cell) => cell.trim().toLowerCase()).join('\u0000');

/** Each spec's identity as column lists, strictest first; the whole row is always tried first. */
function identities(id: DatasetId): (readonly string[])[] {
	return [normalisedHeader(id), ...(SPECS[id].identity ?? [])];
}

/**
 * Old rows matched to new rows, pass by pass from the strictest identity: a key that names one row on
 * each side pairs them; rows left over are added or removed.
 */
export function pairRows(
	id: DatasetId,
	before: readonly AnyRow[],
	after: readonly AnyRow[]
): { pairs: [AnyRow, AnyRow][]; removed: AnyRow[]; added: AnyRow[] } {
	let oldLeft = [...before];
	let newLeft = [...after];
	const pairs: [AnyRow, AnyRow][] = [];
	for (const columns of identities(id)) {
		const unique = (rows: AnyRow[]) => {
			const byKey = new Map<string, AnyRow | null>();
			for (const row of rows) {
				const k = key(rowCells(row, columns));
				byKey.set(k, byKey.has(k) ? null : row);
			}
			return byKey;
		};
		const oldByKey = unique(oldLeft);
		const newByKey = unique(newLeft);
		for (const [value, oldRow] of oldByKey) {
			const newRow = newByKey.get(value);
			if (oldRow && newRow) pairs.push([oldRow, newRow]);
		}
		const matched = new Set(pairs.flat());
		oldLeft = oldLeft.filter((row) => !matched.has(row));
		newLeft = newLeft.filter((row) => !matched.has(row));
	}
	return {
		pairs,
		removed: oldLeft.sort((x, y) => x.row - y.row),
		added: newLeft.sort((x, y) => x.row - y.row)
	};
}

/** One line naming a row the way an editor would look for it (the spec's summary, else its cells). */
export function rowSummary(id: DatasetId, row: AnyRow): string {
	const summary = SPECS[id].summary as ((row: AnyRow) => string) | undefined;
	return summary ? summary(row) : rowCells(row, normalisedHeader(id)).join(', ');
}

/** Old rows against new rows: what a reader would see change. */
export function diffDatasets(
	id: DatasetId,
	before: readonly AnyRow[],
	after: readonly AnyRow[]
): DatasetDiff {
	const header = normalisedHeader(id, [
		...before.flatMap((row) => Object.keys(row.extra)),
		...after.flatMap((row) => Object.keys(row.extra))
	]);
	const { pairs, added, removed } = pairRows(id, before, after);
	const changed: RowChange[] = [];
	for (const [oldRow, newRow] of pairs) {
		const a = rowCells(oldRow, header);
		const b = rowCells(newRow, header);
		const fields = header
			.map((column, index) => ({
				column,
				before: a[index]!,
				after: b[index]!,
				count: [oldRow, newRow].some((row) => typeof valueOf(row, column) === 'number')
			}))
			.filter((field) => field.before !== field.after);
		if (fields.length) changed.push({ before: oldRow, after: newRow, fields });
	}
	changed.sort((x, y) => x.after.row - y.after.row);
	return {
		id,
		added,
		removed,
		changed,
		unchanged: pairs.length - changed.length,
		extremes: extremes(id, before, after)
	};
}

function valueOf(row: AnyRow, column: string): unknown {
	return (row as unknown as Record<string, unknown>)[column];
}

const isDay = (value: unknown): value is string =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isFuzzyDate = (value: unknown): value is FuzzyDate =>
	typeof value === 'object' && value !== null && 'start' in value && 'end' in value;

/** Sort keys for a column whose every filled cell is a count or a date; undefined for text. */
function rangeOf(values: unknown[]):
	| {
			low: (v: unknown) => string | number;
			high: (v: unknown) => string | number;
			kind: 'count' | 'date';
	  }
	| undefined {
	if (values.length === 0) return undefined;
	if (values.every((value) => typeof value === 'number'))
		return { low: (v) => v as number, high: (v) => v as number, kind: 'count' };
	if (values.every(isDay))
		return { low: (v) => v as string, high: (v) => v as string, kind: 'date' };
	if (values.every(isFuzzyDate))
		return { low: (v) => (v as FuzzyDate).start, high: (v) => (v as FuzzyDate).end, kind: 'date' };
	return undefined;
}

function pick(
	rows: readonly AnyRow[],
	column: string,
	value: (v: unknown) => string | number,
	most: boolean
): AnyRow | undefined {
	let best: AnyRow | undefined;
	let bestValue: string | number | undefined;
	for (const row of rows) {
		const cell = valueOf(row, column);
		if (cell === undefined) continue;
		const v = value(cell);
		if (bestValue === undefined || (most ? v > bestValue : v < bestValue)) {
			best = row;
			bestValue = v;
		}
	}
	return best;
}

/** Largest and smallest of each count column, earliest and latest of each date column. */
function extremes(id: DatasetId, before: readonly AnyRow[], after: readonly AnyRow[]): Extreme[] {
	const found: Extreme[] = [];
	for (const column of Object.keys(SPECS[id].columns)) {
		const values = [...before, ...after]
			.map((row) => valueOf(row, column))
			.filter((value) => value !== undefined);
		const range = rangeOf(values);
		if (!range) continue;
		const words = range.kind === 'count' ? ['largest', 'smallest'] : ['latest', 'earliest'];
		for (const [index, most] of [true, false].entries()) {
			const shown = (rows: readonly AnyRow[]) => {
				const row = pick(rows, column, most ? range.high : range.low, most);
				return row === undefined ? 'none' : rowSummary(id, row);
			};
			found.push({ name: `${words[index]} ${column}`, before: shown(before), after: shown(after) });
		}
	}
	return found;
}

/** The diff as plain text for a terminal: counts first, then each row, then the new extremes. */
export function formatDiff(diff: DatasetDiff, from: string, to: string): string {
	const lines: string[] = [];
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const total = diff.added.length + diff.removed.length + diff.changed.length;
	lines.push(`${to} against ${from} (${diff.id}):`);
	if (total === 0) {
		lines.push(`No changes: the same ${plural(diff.unchanged, 'row')} as ${from}.`);
		return lines.join('\n') + '\n';
	}
	lines.push(
		`${plural(diff.added.length, 'row')} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`
	);
	if (diff.added.length) {
		lines.push('', 'Added:');
		for (const row of diff.added) lines.push(`  + row ${row.row}: ${rowSummary(diff.id, row)}`);
	}
	if (diff.removed.length) {
		lines.push('', 'Removed:');
		for (const row of diff.removed)
			lines.push(`  - was row ${row.row}: ${rowSummary(diff.id, row)}`);
	}
	if (diff.changed.length) {
		lines.push('', 'Changed:');
		for (const change of diff.changed) {
			const moved = change.before.row === change.after.row ? '' : ` (was row ${change.before.row})`;
			lines.push(`  ~ row ${change.after.row}${moved}: ${rowSummary(diff.id, change.before)}`);
			for (const field of change.fields) lines.push(`      ${fieldChangeText(field)}`);
		}
	}
	if (diff.extremes.length) {
		lines.push('', 'New extremes:');
		for (const extreme of diff.extremes) lines.push(`  ${extremeText(extreme)}`);
	}
	return lines.join('\n') + '\n';
}

/** `downloads: 1,200,000 → 1,500,000`, with empty cells shown as such. */
export function fieldChangeText(field: FieldChange): string {
	const shown = (value: string) =>
		value === ''
			? '(empty)'
			: field.count && /^\d+$/.test(value)
				? grouped(Number(value))
				: JSON.stringify(value);
	return `${field.column}: ${shown(field.before)} → ${shown(field.after)}`;
}

export function extremeText(extreme: Extreme): string {
	return extreme.before === extreme.after
		? `${extreme.name}: ${extreme.after}, unchanged`
		: `${extreme.name}: ${extreme.after}; was ${extreme.before}`;
}
