/**
 * The data-swap matrix: edits an editor really makes to data/, each applied to a copy of the project,
 * built, served and read in Chromium. After every edit that data:check accepts, each row of each edited
 * CSV must be on its chart's full view (/embed/<chart>/) as a visible mark (`data-row="<dataset>:<row>"`,
 * not `.is-hidden`), with its label or event and its figure in words, qualifier kept ("more than").
 *
 * The edits are written against whatever data/ holds when the test runs (the biggest figure's label,
 * a year no row falls in, a row the story doesn't cite), never against today's figures. Edits that don't
 * touch the same file share a build: two builds in all, run side by side, one test each; each edit is a
 * step with its own soft assertions, so one run reports every edit that fails.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { countInWords } from '../../src/lib/charts/shared/format';
import type { Qualifier } from '../../src/lib/schema/columns';
import { ACTIONS } from '../../src/lib/schema/isp-actions';
import { datasetFile, type DatasetRows } from '../../src/lib/schema/datasets';
import { checkProject } from '../../src/lib/server/project.server';
import { buildCopy, copyProject, serveCopy } from './support/project-copy';
import { expectedRows, projectRows, squash, type ChartDataset } from './support/project-data';

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

type AnyRow = DatasetRows[ChartDataset][number];

/** What an edit changed, for its checks. */
interface Change {
	/** The rows it added or changed, found in the edited file's validated rows. */
	touched?: (row: AnyRow) => boolean;
	/** Texts that must now be on the page, and texts that must be gone from it. */
	present?: string[];
	absent?: string[];
}

/** One edit: what it does to a copy of the project. */
interface Edit {
	name: string;
	/** The dataset it edits; every row of it is checked too, once all edits are in. */
	dataset: ChartDataset;
	apply: (dir: string) => Change;
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

const DOWNLOADS_EDITS: Edit[] = [
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
		name: 'a newer reading for one label (a later as_of for the biggest figure’s label only)',
		dataset: 'downloads',
		apply(dir) {
			const table = readTable(dir, 'downloads');
			const lead = leadLabel(table);
			const ofLead = table.records.filter((rec) => cell(table, rec, 'label') === lead);
			const top = Math.max(...ofLead.map((rec) => Number(cell(table, rec, 'downloads'))));
			const latest = table.records
				.map((rec) => cell(table, rec, 'as_of'))
				.sort()
				.at(-1)!;
			const figure = Math.ceil((top + 300_000) / 100_000) * 100_000;
			table.records.push(
				record(table, {
					label: lead,
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
				touched: (row) => 'label' in row && row.label === lead,
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

const TIMELINE_AND_PROVIDER_EDITS: Edit[] = [
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

/** What the full view of a chart shows for some rows of a dataset: those missing a visible mark or a text. */
async function checkFullView(
	page: Page,
	rows: DatasetRows,
	id: ChartDataset,
	only: (row: AnyRow) => boolean = () => true
) {
	const picked = new Set((rows[id] as AnyRow[]).filter(only).map((row) => `${id}:${row.row}`));
	const expected = expectedRows(rows, id).filter((row) => picked.has(row.key));
	const text = squash(await page.locator('body').textContent());
	const missingMarks: string[] = [];
	const missingTexts: string[] = [];
	// The completeness rule: a row the full view does not draw is named, with why, in the chart's notes.
	const notes = squash(
		await page
			.locator('.chart-notes')
			.allTextContents()
			.then((t) => t.join(' '))
	);
	for (const row of expected) {
		// Hidden marks stay in the DOM (the story morphs by position): only a visible, unhidden one counts.
		const visible = page
			.locator(`[data-row="${row.key}"]:not(.is-hidden):not(.is-hidden *)`)
			.filter({ visible: true });
		const named = notes.includes(`(row ${row.key.split(':')[1]})`);
		if ((await visible.count()) === 0 && !named) missingMarks.push(row.key);
		for (const wanted of row.texts) {
			if (!text.includes(squash(wanted))) missingTexts.push(`${row.key}: "${squash(wanted)}"`);
		}
	}
	const keys = await page
		.locator(`[data-row^="${id}:"]`)
		.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-row')))]);
	return { checked: expected.length, missingMarks, missingTexts, keys, text };
}

const VARIANTS = [
	{ name: 'downloads.csv edits', edits: DOWNLOADS_EDITS },
	{ name: 'isp-actions.csv and timeline.csv edits', edits: TIMELINE_AND_PROVIDER_EDITS }
];

// The two builds run side by side in two workers; each test owns its copy, build and server.
test.describe.configure({ mode: 'parallel' });

for (const variant of VARIANTS) {
	test(`${variant.name}: every row reaches its chart's full view`, async ({ page }) => {
		test.setTimeout(480_000);
		const dir = copyProject('data-swap-matrix');
		let server: import('node:child_process').ChildProcess | undefined;
		try {
			const changes = variant.edits.map((edit) => ({ edit, ...edit.apply(dir) }));
			// The edits are valid: the data validates and the story still resolves against it.
			const rows = projectRows(dir);
			expect(checkProject(dir).errors, 'the edited copy passes the build’s data check').toEqual([]);
			const seconds = await buildCopy(dir);
			test.info().annotations.push({ type: 'build', description: `${seconds.toFixed(0)} s` });
			const served = await serveCopy(dir);
			server = served.server;

			for (const { edit, touched, present = [], absent = [] } of changes) {
				await test.step(edit.name, async () => {
					const id = edit.dataset;
					await page.goto(`${served.url}/embed/${id}/`);
					const seen = await checkFullView(page, rows, id, touched ?? (() => false));
					if (touched)
						expect(seen.checked, `${edit.name}: the edited rows are found`).toBeGreaterThan(0);
					expect
						.soft(seen.missingMarks, `${edit.name}: edited rows without a visible data-row mark`)
						.toEqual([]);
					expect
						.soft(seen.missingTexts, `${edit.name}: edited rows whose text is not on the page`)
						.toEqual([]);
					for (const wanted of present)
						expect.soft(seen.text, `${edit.name}: shows "${wanted}"`).toContain(squash(wanted));
					for (const gone of absent)
						expect.soft(seen.text, `${edit.name}: no longer shows "${gone}"`).not.toContain(gone);
				});
			}
			for (const id of new Set(variant.edits.map((edit) => edit.dataset))) {
				await test.step(`every row of data/${id}.csv, after all the edits`, async () => {
					await page.goto(`${served.url}/embed/${id}/`);
					const seen = await checkFullView(page, rows, id);
					expect.soft(seen.missingMarks, `${id}: rows without a visible data-row mark`).toEqual([]);
					expect.soft(seen.missingTexts, `${id}: rows whose text is not on the page`).toEqual([]);
					expect
						.soft(seen.keys.length, `${id}: one data-row key per row, none for a removed row`)
						.toBe(rows[id].length);
				});
			}
		} finally {
			server?.kill('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	});
}
