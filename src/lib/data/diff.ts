import type { DownloadRow } from '../schema/downloads';
import type { DatasetId, DatasetRows } from '../schema/datasets';
import type { IspActionRow } from '../schema/isp-actions';
import type { TimelineRow } from '../schema/timeline';
import { normalisedHeader, rowCells } from './normalise';

type AnyRow = DatasetRows[DatasetId][number];

export interface FieldChange {
	column: string;
	before: string;
	after: string;
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

type Key = (row: AnyRow) => string;

/**
 * How a row in the new file is recognised as the same row as in the old one, strictest first: a row
 * whose figure or date was edited still matches on what it is about, so it shows as changed rather
 * than as one row removed and another added.
 */
const KEYS: Record<DatasetId, Key[]> = {
	downloads: [(r) => k(d(r).label, d(r).as_of), (r) => k(d(r).label)],
	'isp-actions': [
		(r) => k(i(r).date.text, i(r).isp, i(r).action),
		(r) => k(i(r).isp, i(r).action),
		(r) => k(i(r).isp, i(r).detail)
	],
	timeline: [(r) => k(t(r).date.text, t(r).event), (r) => k(t(r).event), (r) => k(t(r).date.text)],
	corrections: [(r) => k(...rowCells(r, normalisedHeader('corrections')))],
	quotes: [(r) => k(...rowCells(r, normalisedHeader('quotes')))]
};

const k = (...parts: string[]) => parts.map((part) => part.trim().toLowerCase()).join('\u0000');
const d = (row: AnyRow) => row as DownloadRow;
const i = (row: AnyRow) => row as IspActionRow;
const t = (row: AnyRow) => row as TimelineRow;

/** One line naming a row the way an editor would look for it. */
export function rowSummary(id: DatasetId, row: AnyRow): string {
	switch (id) {
		case 'downloads':
			return `${d(row).label}: ${grouped(d(row).downloads)} downloads (${d(row).qualifier}), as of ${d(row).as_of}`;
		case 'isp-actions': {
			const r = i(row);
			const count = r.count === undefined ? '' : `, count ${grouped(r.count)}`;
			return `${r.date.text} ${r.isp}: ${r.action}${count}`;
		}
		case 'timeline':
			return `${t(row).date.text} (${t(row).category}): ${t(row).event}`;
		default:
			return rowCells(row, normalisedHeader(id)).join(', ');
	}
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
	const cells = (row: AnyRow) => rowCells(row, header);
	let oldLeft = [...before];
	let newLeft = [...after];
	const pairs: [AnyRow, AnyRow][] = [];
	for (const key of KEYS[id]) {
		const unique = (rows: AnyRow[]) => {
			const byKey = new Map<string, AnyRow | null>();
			for (const row of rows) byKey.set(key(row), byKey.has(key(row)) ? null : row);
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
	const changed: RowChange[] = [];
	for (const [oldRow, newRow] of pairs) {
		const a = cells(oldRow);
		const b = cells(newRow);
		const fields = header
			.map((column, index) => ({ column, before: a[index]!, after: b[index]! }))
			.filter((field) => field.before !== field.after);
		if (fields.length) changed.push({ before: oldRow, after: newRow, fields });
	}
	changed.sort((x, y) => x.after.row - y.after.row);
	return {
		id,
		added: newLeft.sort((x, y) => x.row - y.row),
		removed: oldLeft.sort((x, y) => x.row - y.row),
		changed,
		unchanged: pairs.length - changed.length,
		extremes: extremes(id, before, after)
	};
}

type Pick = (rows: readonly AnyRow[]) => string;

function by<T>(rows: readonly T[], value: (row: T) => number | string | undefined, most: boolean) {
	let best: T | undefined;
	let bestValue: number | string | undefined;
	for (const row of rows) {
		const v = value(row);
		if (v === undefined) continue;
		if (bestValue === undefined || (most ? v > bestValue : v < bestValue)) {
			best = row;
			bestValue = v;
		}
	}
	return best;
}

const EXTREMES: Record<DatasetId, [string, Pick][]> = {
	downloads: [
		[
			'largest figure',
			(rows) =>
				show(
					by(rows.map(d), (r) => r.downloads, true),
					downloadsAt
				)
		],
		[
			'smallest figure',
			(rows) =>
				show(
					by(rows.map(d), (r) => r.downloads, false),
					downloadsAt
				)
		],
		['latest "as of" day', (rows) => by(rows.map(d), (r) => r.as_of, true)?.as_of ?? 'none']
	],
	'isp-actions': [
		['earliest date', (rows) => by(rows.map(i), (r) => r.date.start, false)?.date.text ?? 'none'],
		['latest date', (rows) => by(rows.map(i), (r) => r.date.end, true)?.date.text ?? 'none'],
		[
			'largest count',
			(rows) =>
				show(
					by(rows.map(i), (r) => r.count, true),
					(r) => `${grouped(r.count!)} (${r.isp})`
				)
		]
	],
	timeline: [
		['earliest date', (rows) => by(rows.map(t), (r) => r.date.start, false)?.date.text ?? 'none'],
		['latest date', (rows) => by(rows.map(t), (r) => r.date.end, true)?.date.text ?? 'none']
	],
	corrections: [],
	quotes: []
};

function downloadsAt(row: DownloadRow): string {
	return `${grouped(row.downloads)} (${row.label}, ${row.as_of})`;
}

function show<T>(row: T | undefined, format: (row: T) => string): string {
	return row === undefined ? 'none' : format(row);
}

function extremes(id: DatasetId, before: readonly AnyRow[], after: readonly AnyRow[]): Extreme[] {
	return EXTREMES[id].map(([name, pick]) => ({ name, before: pick(before), after: pick(after) }));
}

/** The diff as plain text for a terminal: counts first, then each row, then the new extremes. */
export function formatDiff(diff: DatasetDiff, from: string, to: string): string {
	const lines: string[] = [];
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const total = diff.added.length + diff.removed.length + diff.changed.length;
	lines.push(`${to} against ${from} (${diff.id}):`);
	if (total === 0) {
		lines.push(`No changes: the same ${plural(diff.unchanged, 'row')} as the published data.`);
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

/** Columns holding counts, shown with thousands separators (a year-only date must not be). */
const COUNT_COLUMNS = new Set(['downloads', 'count']);

/** `downloads: 1,200,000 → 1,500,000`, with empty cells shown as such. */
export function fieldChangeText(field: FieldChange): string {
	const shown = (value: string) =>
		value === ''
			? '(empty)'
			: COUNT_COLUMNS.has(field.column) && /^\d+$/.test(value)
				? grouped(Number(value))
				: JSON.stringify(value);
	return `${field.column}: ${shown(field.before)} → ${shown(field.after)}`;
}

export function extremeText(extreme: Extreme): string {
	return extreme.before === extreme.after
		? `${extreme.name}: ${extreme.after}, unchanged`
		: `${extreme.name}: ${extreme.after}; was ${extreme.before}`;
}
