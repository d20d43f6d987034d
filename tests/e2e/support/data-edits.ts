import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { countInWords } from '../../../src/lib/charts/shared/format';
import type { Qualifier } from '../../../src/lib/schema/columns';
import { ACTIONS } from '../../../src/lib/schema/isp-actions';
import { datasetFile, type DatasetRows } from '../../../src/lib/schema/datasets';
import { checkProject } from '../../../src/lib/server/project.server';
import { projectRows, squash, type ChartDataset } from './project-data';

/**
 * Edits an editor really makes to data/, each applied to a copy of the project (edited-builds.ts builds
 * it). They are written against whatever data/ holds when they run (the biggest figure's label, a year
 * no row falls in, a row the story doesn't cite), never against today's figures.
 */

/** A CSV as a header and records of cells, edited as an editor's spreadsheet would. */
interface Table {
	header: string[];
	records: string[][];
}

function readTable(dir: string, id: ChartDataset): Table {
	const text = readFileSync(join(dir, datasetFile(id)), 'utf8');
	const [header, ...records] = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
	return { header: header!, records };
}

function writeTable(dir: string, id: ChartDataset, table: Table) {
	writeFileSync(
		join(dir, datasetFile(id)),
		Papa.unparse([table.header, ...table.records], { newline: '\n' }) + '\n'
	);
}

/** A record from named cells, in the file's own column order. */
const record = (table: Table, cells: Record<string, string>) =>
	table.header.map((column) => cells[column] ?? '');
const cell = (table: Table, rec: string[], column: string) => rec[table.header.indexOf(column)]!;

const addDays = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type AnyRow = DatasetRows[ChartDataset][number];

/** What an edit changed, for its checks. */
interface Change {
	/** The rows it added or changed, found in the edited file's validated rows once all edits are in. */
	touched?: (row: AnyRow) => boolean;
	/** Texts that must now be on the page, and texts that must be gone from it. */
	present?: string[];
	absent?: string[];
}

/** One edit: what it does to a copy of the project. */
export interface Edit {
	name: string;
	/** The dataset it edits; every row of it is checked too, once all edits are in. */
	dataset: ChartDataset;
	apply: (dir: string) => Change;
}

/** An edit as applied to a copy: plain data, so a test can read it from another process. */
export interface AppliedEdit {
	name: string;
	dataset: ChartDataset;
	/** The `data-row` keys of the rows it added or changed, if it names them. */
	touched?: string[];
	present: string[];
	absent: string[];
}

/** Rows this test added, by the source link it gave them. */
const citing = (url: string) => (row: AnyRow) => row.source.some((ref) => ref.url === url);

const EXAMPLE = 'https://example.com/data-swap-matrix';

/** The label with the biggest figure (Fury, today): the one an editor most often updates. */
function leadLabel(table: Table): string {
	const sorted = [...table.records].sort(
		(a, b) => Number(cell(table, b, 'downloads')) - Number(cell(table, a, 'downloads'))
	);
	return cell(table, sorted[0]!, 'label');
}

/**
 * The story leads with the biggest figure: it goes up a quarter (data-swap.e2e.ts checks it reaches the
 * embed and the story; the other edits keep clear of its label). Its old words must be gone, unless
 * another row or the row's own note still says them (an editor who changes a figure may leave the note
 * quoting the source as it was).
 */
export const LEAD_FIGURE_UP: Edit = {
	name: 'a new figure for the biggest reading (up a quarter)',
	dataset: 'downloads',
	apply(dir) {
		// Validated rows for the figures (as the build reads them), in the file's order.
		const rows = projectRows(dir).downloads;
		const table = readTable(dir, 'downloads');
		const figures = rows.map((row) => row.downloads);
		const index = figures.indexOf(Math.max(...figures));
		const old = rows[index]!;
		const figure = Math.round((old.downloads * 1.25) / 100_000) * 100_000;
		const before = countInWords(old.downloads, old.qualifier);
		const elsewhere =
			Boolean(old.note?.includes(before)) ||
			rows.some(
				(row, i) =>
					i !== index &&
					(countInWords(row.downloads, row.qualifier) === before || row.note?.includes(before))
			);
		table.records[index]![table.header.indexOf('downloads')] = String(figure);
		writeTable(dir, 'downloads', table);
		return {
			touched: (row) =>
				'as_of' in row &&
				row.label === old.label &&
				row.as_of === old.as_of &&
				row.downloads === figure,
			present: [countInWords(figure, old.qualifier)],
			absent: elsewhere ? [] : [before]
		};
	}
};

export const DOWNLOADS_EDITS: Edit[] = [
	{
		name: 'a figure changed (a reading of another label, up by a tenth)',
		dataset: 'downloads',
		apply(dir) {
			const table = readTable(dir, 'downloads');
			const lead = leadLabel(table);
			const target =
				table.records.find((rec) => cell(table, rec, 'label') !== lead) ?? table.records[0]!;
			const figure = Math.round((Number(cell(table, target, 'downloads')) * 1.1) / 1000) * 1000;
			target[table.header.indexOf('downloads')] = String(figure);
			writeTable(dir, 'downloads', table);
			const [label, asOf] = [cell(table, target, 'label'), cell(table, target, 'as_of')];
			return {
				touched: (row) =>
					'as_of' in row && row.label === label && row.as_of === asOf && row.downloads === figure,
				present: [countInWords(figure, cell(table, target, 'qualifier') as Qualifier)]
			};
		}
	},
	{
		name: 'a newer reading for one label (a later as_of for one label only, not the lead’s)',
		dataset: 'downloads',
		apply(dir) {
			const table = readTable(dir, 'downloads');
			// Not the lead's: the lead figure (LEAD_FIGURE_UP) is edited in the same copy, and a later
			// reading of the lead would take the story's headline from it. The last other label in the
			// file (the edit above changes a reading of the first), the lead only if it is alone.
			const lead = leadLabel(table);
			const others = table.records
				.map((rec) => cell(table, rec, 'label'))
				.filter((l) => l !== lead);
			const label = others.at(-1) ?? lead;
			const ofLabel = table.records.filter((rec) => cell(table, rec, 'label') === label);
			const top = Math.max(...ofLabel.map((rec) => Number(cell(table, rec, 'downloads'))));
			const latest = table.records
				.map((rec) => cell(table, rec, 'as_of'))
				.sort()
				.at(-1)!;
			const figure = Math.ceil((top + 300_000) / 100_000) * 100_000;
			table.records.push(
				record(table, {
					label,
					downloads: String(figure),
					qualifier: 'at-least',
					measure: 'downloads',
					counted_by: 'Excipio',
					as_of: addDays(latest, 6),
					note: 'A later reading, added by the data-swap matrix test.',
					source: `${EXAMPLE}/newer-reading`
				})
			);
			writeTable(dir, 'downloads', table);
			// The label's earlier readings must stay drawn too.
			return {
				touched: (row) => 'label' in row && row.label === label,
				present: [countInWords(figure, 'at-least')]
			};
		}
	},
	{
		name: 'a new label (a film no row names yet)',
		dataset: 'downloads',
		apply(dir) {
			const table = readTable(dir, 'downloads');
			const labels = new Set(table.records.map((rec) => cell(table, rec, 'label')));
			const label = ['Still Alice', 'Mr. Turner', 'The Interview'].find((l) => !labels.has(l))!;
			const latest = table.records
				.map((rec) => cell(table, rec, 'as_of'))
				.sort()
				.at(-1)!;
			table.records.push(
				record(table, {
					label,
					downloads: '95000',
					qualifier: 'approximate',
					measure: 'downloads',
					counted_by: 'TorrentFreak',
					as_of: addDays(latest, 2),
					source: `${EXAMPLE}/new-label`
				})
			);
			writeTable(dir, 'downloads', table);
			return {
				touched: citing(`${EXAMPLE}/new-label`),
				present: [label, countInWords(95_000, 'approximate')]
			};
		}
	}
];

/** Years with a row in any dated dataset. */
function yearsWithRows(dir: string): Set<number> {
	const rows = projectRows(dir);
	const years = new Set<number>();
	for (const row of [...rows.timeline, ...rows['isp-actions']]) {
		for (let y = Number(row.date.start.slice(0, 4)); y <= Number(row.date.end.slice(0, 4)); y++)
			years.add(y);
	}
	return years;
}

/** A year inside the story's span that no row falls in (2012, today); else the year after the last. */
function emptyYear(dir: string): number {
	const years = yearsWithRows(dir);
	const first = Math.min(...years);
	const last = Math.max(...years);
	for (let y = first + 1; y < last; y++) if (!years.has(y)) return y;
	return Math.min(last + 1, 2040);
}

export const TIMELINE_AND_PROVIDER_EDITS: Edit[] = [
	{
		name: 'a new provider with an action in a year no chart shows',
		dataset: 'isp-actions',
		apply(dir) {
			const year = emptyYear(dir);
			const table = readTable(dir, 'isp-actions');
			const isps = new Set(table.records.map((rec) => cell(table, rec, 'isp')));
			const isp = ['TalkTalk', 'Virgin Media', 'EE'].find((name) => !isps.has(name))!;
			table.records.push(
				record(table, {
					date: `${year}-06-14`,
					precision: 'day',
					isp,
					action: ACTIONS.includes('refused-disclosure') ? 'refused-disclosure' : ACTIONS[0],
					detail: `Refused a rights holder's request for subscriber identities (${isp}, test row)`,
					count: '2000',
					count_qualifier: 'at-least',
					source: `${EXAMPLE}/new-provider`
				})
			);
			writeTable(dir, 'isp-actions', table);
			return {
				touched: citing(`${EXAMPLE}/new-provider`),
				present: [isp, countInWords(2000, 'at-least')]
			};
		}
	},
	{
		name: 'events in a year no chart shows today (one on a day, one approximate, in one month)',
		dataset: 'timeline',
		apply(dir) {
			const year = emptyYear(dir);
			const table = readTable(dir, 'timeline');
			const day = `A High Court order makes providers block a filesharing site (${year}, test row)`;
			const month = `Providers report the blocks (${year}, test row)`;
			table.records.push(
				record(table, {
					date: `${year}-05-15`,
					precision: 'day',
					event: day,
					category: 'court',
					source: `${EXAMPLE}/event-day`
				}),
				record(table, {
					date: `${year}-05`,
					precision: 'approximate',
					event: month,
					category: 'isp',
					note: 'Only the month is known.',
					source: `${EXAMPLE}/event-month`
				})
			);
			writeTable(dir, 'timeline', table);
			return {
				touched: (row) =>
					citing(`${EXAMPLE}/event-day`)(row) || citing(`${EXAMPLE}/event-month`)(row),
				present: [day, month]
			};
		}
	},
	{
		name: 'a row removed (a timeline row the story does not cite)',
		dataset: 'timeline',
		apply(dir) {
			const table = readTable(dir, 'timeline');
			const original = readFileSync(join(dir, datasetFile('timeline')), 'utf8');
			// Remove the first row, from the middle of the file on, whose removal leaves the story whole:
			// removing a row the story cites is a located data:check error, not a valid edit.
			// Never one of the rows this test added.
			const n = table.records.length;
			const order = table.records.map((_, i) => (i + Math.floor(n / 2)) % n);
			for (const index of order) {
				const removed = table.records[index]!;
				if (cell(table, removed, 'source').startsWith(EXAMPLE)) continue;
				const event = cell(table, removed, 'event');
				const rest = table.records.filter((_, i) => i !== index);
				writeTable(dir, 'timeline', { header: table.header, records: rest });
				// The build's own check (data and story together) decides whether the removal is valid.
				if (checkProject(dir).errors.length) continue;
				const unique = !rest.some((rec) => squash(cell(table, rec, 'event')) === squash(event));
				return { absent: unique ? [squash(event)] : [] };
			}
			writeFileSync(join(dir, datasetFile('timeline')), original);
			throw new Error('every timeline row is cited by the story; no row can be removed validly');
		}
	}
];

/**
 * Applies the edits in order, checks the result is what `data:check` accepts (the data validates and
 * the story still resolves against it: the edits are valid ones, which the build must publish), and
 * names each edit's rows by their `data-row` key in the final files (a later edit can move a row's
 * number).
 */
export function applyEdits(dir: string, edits: Edit[]): AppliedEdit[] {
	const changes = edits.map((edit) => ({ edit, ...edit.apply(dir) }));
	const { errors } = checkProject(dir);
	if (errors.length)
		throw new Error(`the edited copy fails the build's data check:\n${errors.join('\n')}`);
	const rows = projectRows(dir);
	return changes.map(({ edit, touched, present = [], absent = [] }) => ({
		name: edit.name,
		dataset: edit.dataset,
		touched: touched
			? (rows[edit.dataset] as AnyRow[]).filter(touched).map((row) => `${edit.dataset}:${row.row}`)
			: undefined,
		present,
		absent
	}));
}
