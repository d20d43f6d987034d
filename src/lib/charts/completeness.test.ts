import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, testChromiumPath } from '../../../scripts/chromium';
import { formatIssue, hasErrors } from '../data/issues';
import { validateDataset } from '../data/validate';
import { QUALIFIERS } from '../schema/columns';
import type { DatasetRows } from '../schema/datasets';
import { ACTIONS } from '../schema/isp-actions';
import { MEASURES } from '../schema/downloads';
import { CATEGORIES } from '../schema/timeline';
import ChartById from './ChartById.svelte';
import { CHART_IDS, CHARTS, defaultState, type ChartId } from './registry';

/**
 * The completeness rule, as a property: whatever valid data an editor gives a chart (1 to 300 rows,
 * any date from 1990 to 2040, new providers and labels, ties, same-day events, one-row files), its full
 * view draws every row as a visible mark (`data-row="<dataset>:<row>"`, not `.is-hidden`), with no NaN
 * or Infinity in any attribute, no two text labels on top of each other and nothing outside the chart's
 * box, at a phone's width and a laptop's. Rendered by the server as the build does, laid out in Chromium
 * with the project's own CSS.
 */

const WIDTHS = [320, 1280] as const;
/** Datasets per chart and width: enough variety to find a layout bug, few enough for ~30 s in all. */
const RUNS = Number(process.env.COMPLETENESS_RUNS ?? 25);
/** Overlap or overflow below this many pixels is anti-aliasing, not a reader-visible fault. */
const SLACK = 1;

const CSS = ['../styles/base.css', './shared/charts.css']
	.map((file) => readFileSync(join(import.meta.dirname, file), 'utf8'))
	.join('\n');

// ── Generators: only valid cells, so every dataset passes validation and must be drawn whole. ──

/** Names an editor might type: today's, and new ones of realistic length (never "NaN"/"Infinity"). */
const name = (known: string[]) =>
	fc.oneof(
		fc.constantFrom(...known),
		fc
			.array(fc.stringMatching(/^[A-Z][a-z]{1,11}$/), { minLength: 1, maxLength: 4 })
			.map((words) => words.join(' '))
			.filter((text) => !/NaN|Infinity/.test(text))
	);
const sentence = fc
	.array(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 2, maxLength: 14 })
	.map((words) => words.join(' ').replace(/^./, (c) => c.toUpperCase()));
const day = fc
	.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') })
	.filter((date) => !Number.isNaN(date.getTime()))
	.map((date) => date.toISOString().slice(0, 10));
const addDays = (iso: string, days: number) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A date cell with a precision it may carry: a day, a month, a year, or a range between two days. */
const datedCell = fc.oneof(
	{ weight: 5, arbitrary: fc.tuple(day, fc.constantFrom('day', 'approximate')) },
	{
		weight: 2,
		arbitrary: fc.tuple(
			day.map((d) => d.slice(0, 7)),
			fc.constantFrom('month', 'approximate')
		)
	},
	{
		weight: 1,
		arbitrary: fc.tuple(
			day.map((d) => d.slice(0, 4)),
			fc.constantFrom('year', 'approximate')
		)
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(day, fc.integer({ min: 1, max: 90 }))
			.filter(([start, days]) => addDays(start, days) <= '2040-12-31')
			.map(([start, days]) => [`${start}/${addDays(start, days)}`, 'approximate'] as const)
	}
);
const figure = fc.oneof(
	fc.integer({ min: 0, max: 999 }),
	fc.integer({ min: 1000, max: 5_000_000 }),
	fc.integer({ min: 0, max: 9_999_999 })
);

/**
 * Rows drawn from a few shared values (ties, same-day events, one provider with many actions) or fresh
 * ones. Each row gets its own source link, so no two rows are the exact repeat validation refuses.
 */
function rowsOf<T>(fresh: fc.Arbitrary<T>, pool: fc.Arbitrary<T[]>) {
	const count = fc.oneof(
		fc.constant(1),
		fc.integer({ min: 2, max: 12 }),
		fc.integer({ min: 13, max: 60 }),
		fc.integer({ min: 61, max: 300 })
	);
	return fc
		.tuple(pool, count)
		.chain(([shared, n]) =>
			fc.array(fc.oneof(fresh, fc.constantFrom(...shared)), { minLength: n, maxLength: n })
		);
}

const DATASETS: Record<ChartId, fc.Arbitrary<Record<string, string>[]>> = {
	downloads: fc
		.tuple(
			fc.array(name(['Fury', 'Annie', 'The other four films, combined']), {
				minLength: 1,
				maxLength: 3
			}),
			fc.array(day, { minLength: 1, maxLength: 3 })
		)
		.chain(([labels, days]) =>
			rowsOf(
				fc.record({
					label: fc.oneof(fc.constantFrom(...labels), name(labels)),
					downloads: figure.map(String),
					qualifier: fc.constantFrom(...QUALIFIERS),
					measure: fc.constantFrom(...MEASURES),
					counted_by: name(['Excipio', 'TorrentFreak']),
					as_of: fc.oneof(fc.constantFrom(...days), day),
					note: fc.oneof(fc.constant(''), sentence)
				}),
				fc.array(
					fc.record({
						label: fc.constantFrom(...labels),
						downloads: figure.map(String),
						qualifier: fc.constantFrom(...QUALIFIERS),
						measure: fc.constant('downloads'),
						counted_by: fc.constant('Excipio'),
						as_of: fc.constantFrom(...days),
						note: fc.constant('')
					}),
					{ minLength: 1, maxLength: 2 }
				)
			)
		),
	'isp-actions': fc.array(datedCell, { minLength: 1, maxLength: 3 }).chain((dates) => {
		const row = fc.record({
			date: fc.oneof(fc.constantFrom(...dates), datedCell),
			isp: name(['BT', 'Plusnet', 'Sky', 'UK ISPs']),
			action: fc.constantFrom(...ACTIONS),
			detail: sentence,
			count: fc.option(figure, { nil: undefined }),
			count_qualifier: fc.constantFrom(...QUALIFIERS),
			note: fc.oneof(fc.constant(''), sentence)
		});
		return rowsOf(row, fc.array(row, { minLength: 1, maxLength: 3 })).map((rows) =>
			rows.map(({ date: [date, precision], count, count_qualifier, ...rest }) => ({
				date,
				precision,
				...rest,
				count: count === undefined ? '' : String(count),
				count_qualifier: count === undefined ? '' : count_qualifier
			}))
		);
	}),
	timeline: fc.array(datedCell, { minLength: 1, maxLength: 3 }).chain((dates) => {
		const row = fc.record({
			date: fc.oneof(fc.constantFrom(...dates), datedCell),
			event: sentence,
			category: fc.constantFrom(...CATEGORIES),
			note: fc.oneof(fc.constant(''), sentence)
		});
		return rowsOf(row, fc.array(row, { minLength: 1, maxLength: 3 })).map((rows) =>
			rows.map(({ date: [date, precision], ...rest }) => ({ date, precision, ...rest }))
		);
	})
};

/** Every dataset empty: a full view is drawn from its own dataset's rows alone. */
const EMPTY: DatasetRows = {
	downloads: [],
	'isp-actions': [],
	timeline: [],
	corrections: [],
	quotes: []
};

/** The generated rows as the CSV an editor would save, then validated as the build validates it. */
function validRows(chart: ChartId, records: Record<string, string>[]) {
	const csv = Papa.unparse(
		records.map((record, index) => ({ ...record, source: `https://example.com/s/${index}` }))
	);
	const result = validateDataset(chart, csv, `data/${chart}.csv`);
	// Warnings (a timeline year outside the story's span) are allowed; an error is a generator bug.
	if (hasErrors(result.issues))
		throw new Error(`generated an invalid file:\n${result.issues.map(formatIssue).join('\n')}`);
	return { csv, rows: result.rows as DatasetRows[ChartId] };
}

function fullView(chart: ChartId, rows: DatasetRows[ChartId]): string {
	const props = { chart, rows: { ...EMPTY, [chart]: rows }, state: defaultState(chart) };
	return render(ChartById, { props }).body;
}

/** Everything the rule forbids, found in the laid-out page; runs in the browser. */
function findProblems({
	dataset,
	rows,
	slack,
	notes
}: {
	dataset: string;
	rows: number[];
	slack: number;
	notes: string;
}): string[] {
	const problems: string[] = [];
	const body = document.querySelector('[data-body]');
	if (!body) return ['no [data-body] element: the chart did not render'];
	const box = body.getBoundingClientRect();
	const shown = (el: Element) => {
		if (el.closest('.is-hidden')) return false;
		const style = getComputedStyle(el);
		if (style.visibility !== 'visible' || Number(style.opacity) === 0) return false;
		const rect = el.getBoundingClientRect();
		return rect.width > 0 || rect.height > 0;
	};
	const round = (n: number) => Math.round(n * 10) / 10;
	const where = (el: Element) =>
		`<${el.tagName.toLowerCase()}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}>`;

	// One visible mark per row, and no mark for a row the data does not have.
	const wanted = new Set(rows.map((row) => `${dataset}:${row}`));
	const marks = [...body.querySelectorAll('[data-row]')];
	for (const key of wanted) {
		const own = marks.filter((el) => el.getAttribute('data-row') === key);
		// A row the view leaves out must be named, with the reason, in the chart's notes.
		if (!own.some(shown) && !notes.includes(`(row ${key.split(':')[1]})`))
			problems.push(`row ${key}: ${own.length ? 'drawn but hidden' : 'no data-row mark'}`);
	}
	for (const el of marks) {
		const key = el.getAttribute('data-row')!;
		if (!wanted.has(key)) problems.push(`data-row="${key}" names no row of the dataset`);
	}

	// No NaN or Infinity in any attribute: a mark placed there is drawn nowhere, or breaks the layout.
	for (const el of body.querySelectorAll('*')) {
		for (const attr of el.attributes) {
			if (/NaN|Infinity/.test(attr.value))
				problems.push(`${where(el)} ${attr.name}="${attr.value.slice(0, 60)}"`);
		}
	}

	// Nothing drawn outside the chart's box.
	const drawn = [
		...body.querySelectorAll(
			'.plot :is(rect, circle, ellipse, line, path, polygon, polyline, text, use)'
		)
	].filter(shown);
	for (const el of drawn) {
		const r = el.getBoundingClientRect();
		if (
			r.left < box.left - slack ||
			r.right > box.right + slack ||
			r.top < box.top - slack ||
			r.bottom > box.bottom + slack
		) {
			const text = el.tagName === 'text' ? ` "${(el.textContent ?? '').slice(0, 30)}"` : '';
			problems.push(
				`${where(el)}${text} at x ${round(r.left - box.left)}–${round(r.right - box.left)}, y ${round(r.top - box.top)}–${round(r.bottom - box.top)} is outside the ${round(box.width)}×${round(box.height)} chart`
			);
		}
	}

	// No two text labels on top of each other.
	const labels = drawn
		.filter((el) => el.tagName === 'text')
		.map((el) => ({ el, r: el.getBoundingClientRect() }));
	for (let i = 0; i < labels.length; i++) {
		for (let j = i + 1; j < labels.length; j++) {
			const a = labels[i]!.r;
			const b = labels[j]!.r;
			const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
			const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			if (x > slack && y > slack)
				problems.push(
					`labels overlap: "${(labels[i]!.el.textContent ?? '').slice(0, 30)}" and "${(labels[j]!.el.textContent ?? '').slice(0, 30)}"`
				);
		}
	}
	return problems;
}

/** One generated dataset, validated and rendered by the server as the build does. */
interface View {
	/** The dataset as the editor's CSV, for the failure message. */
	csv: string;
	html: string;
	rowNumbers: number[];
	/** The chart's notes, where a row it leaves out must be named. */
	notes: string;
}
/**
 * Both widths draw the same datasets (one fixed seed: tests/setup/fast-check-seed.ts), so each is
 * rendered once and laid out at each width.
 */
const views = new Map<string, View>();
function rendered(chart: ChartId, records: Record<string, string>[]): View {
	const key = `${chart}\n${JSON.stringify(records)}`;
	let view = views.get(key);
	if (!view) {
		const { csv, rows } = validRows(chart, records);
		view = {
			csv,
			html: fullView(chart, rows),
			rowNumbers: rows.map((row) => row.row),
			notes: CHARTS[chart].notes({ ...EMPTY, [chart]: rows } as DatasetRows)
		};
		views.set(key, view);
	}
	return view;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await chromium.launch({ executablePath: testChromiumPath, args: CHROMIUM_ARGS });
	page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

/** The problems of one dataset's full view at one width, as the reader's browser lays it out. */
async function problemsAt(
	chart: ChartId,
	html: string,
	rows: number[],
	width: number,
	notes: string
) {
	await page.setContent(
		`<!doctype html><html><head><style>${CSS}</style></head><body><div style="width:${width}px">${html}</div></body></html>`
	);
	return page.evaluate(findProblems, { dataset: chart, rows, slack: SLACK, notes });
}

describe('every valid dataset is drawn whole in its chart’s full view', () => {
	for (const chart of CHART_IDS) {
		for (const width of WIDTHS) {
			it(`${chart} at ${width} px`, { timeout: 120_000 }, async () => {
				let failure: { csv: string; problems: string[] } | undefined;
				await fc
					.assert(
						fc.asyncProperty(DATASETS[chart], async (records) => {
							const { csv, html, rowNumbers, notes } = rendered(chart, records);
							const problems = await problemsAt(chart, html, rowNumbers, width, notes);
							if (problems.length && !failure) failure = { csv, problems };
							return problems.length === 0;
						}),
						// A layout bug fails most datasets: stop at the first, since shrinking re-lays out
						// pages for minutes. The message below shows its rows and what was wrong.
						{ numRuns: RUNS, endOnFailure: true }
					)
					.catch((error: Error) => {
						// Not a layout problem (a generator or render error): fast-check's report says which.
						if (!failure) throw error;
						const rows = failure ? failure.csv.trim().split('\n').length - 1 : 0;
						const shown = failure?.problems.slice(0, 12).join('\n  ') ?? '';
						const more =
							(failure?.problems.length ?? 0) > 12
								? `\n  … ${failure!.problems.length - 12} more`
								: '';
						const sample = failure?.csv.split('\n').slice(0, 6).join('\n') ?? '';
						throw new Error(
							`${chart} at ${width} px, a ${rows}-row file:\n  ${shown}${more}\nfirst lines of the file:\n${sample}\n${error.message.split('\n')[0]}`
						);
					});
				expect(failure).toBeUndefined();
			});
		}
	}
});
