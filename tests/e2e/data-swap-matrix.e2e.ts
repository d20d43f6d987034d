/**
 * The data-swap matrix: edits an editor really makes to data/ (support/data-edits.ts), applied to a copy
 * of the project, built with `npm run build`, served and read in Chromium. After every edit that
 * data:check accepts, each row of each edited CSV must be on its chart's full view (/embed/<chart>/) as
 * a visible mark (`data-row="<dataset>:<row>"`, not `.is-hidden`), with its label or event and its
 * figure in words, qualifier kept ("more than").
 *
 * The edits keep clear of each other, so they share one copy and one build (support/edited-builds.ts),
 * with data-swap.e2e.ts's lead figure; the global setup starts it while other specs run, so a test here
 * mostly reads pages. Each edit is a step with its own soft assertions, so one run reports every edit
 * that fails; the edits are checked in two tests, by the files they touch. A third reads every embed page of
 * the copy as a host and a phone would: each fits its declared no-script height, no chart text overlaps.
 */
import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { DatasetRows } from '../../src/lib/schema/datasets';
import {
	DOWNLOADS_EDITS,
	LEAD_FIGURE_UP,
	TIMELINE_AND_PROVIDER_EDITS,
	type AnyRow,
	type Edit
} from './support/data-edits';
import { editedBuild } from './support/edited-builds';
import { checkEmbedHeights } from './support/embed-heights';
import { serveCopy } from './support/project-copy';
import { expectedRows, projectRows, squash, type ChartDataset } from './support/project-data';
import { textProblems } from './support/text-boxes';

/**
 * What the full view of a chart shows for some rows of a dataset (by `data-row` key; all of them if
 * none are named): those missing a visible mark or a text.
 */
async function checkFullView(page: Page, rows: DatasetRows, id: ChartDataset, only?: string[]) {
	const picked = new Set(only ?? (rows[id] as AnyRow[]).map((row) => `${id}:${row.row}`));
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

const VARIANTS: { name: string; edits: Edit[] }[] = [
	{ name: 'downloads.csv edits', edits: [LEAD_FIGURE_UP, ...DOWNLOADS_EDITS] },
	{ name: 'isp-actions.csv and timeline.csv edits', edits: TIMELINE_AND_PROVIDER_EDITS }
];

// Both read the one copy, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

for (const variant of VARIANTS) {
	test(`${variant.name}: every row reaches its chart's full view`, async ({ page }) => {
		// Room to wait for the copy's build if the run gets here before it is done (or, without the
		// global setup, to build it): the checks themselves take a few seconds.
		test.setTimeout(300_000);
		const { dir, edits: applied, seconds } = await editedBuild();
		const names = new Set(variant.edits.map((edit) => edit.name));
		const edits = applied.filter((edit) => names.has(edit.name));
		test.info().annotations.push({ type: 'build', description: `${seconds.toFixed(0)} s` });
		// The copy's data after all its edits, as its build read it.
		const rows = projectRows(dir);
		let server: ChildProcess | undefined;
		try {
			const served = await serveCopy(dir);
			server = served.server;

			for (const { name, dataset: id, touched, present, absent } of edits) {
				await test.step(name, async () => {
					await page.goto(`${served.url}/embed/${id}/`);
					const seen = await checkFullView(page, rows, id, touched ?? []);
					if (touched)
						expect(seen.checked, `${name}: the edited rows are found`).toBeGreaterThan(0);
					expect
						.soft(seen.missingMarks, `${name}: edited rows without a visible data-row mark`)
						.toEqual([]);
					expect
						.soft(seen.missingTexts, `${name}: edited rows whose text is not on the page`)
						.toEqual([]);
					for (const wanted of present)
						expect.soft(seen.text, `${name}: shows "${wanted}"`).toContain(squash(wanted));
					for (const gone of absent)
						expect.soft(seen.text, `${name}: no longer shows "${gone}"`).not.toContain(gone);
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
		}
	});
}

test('after every edit, each embed page fits its declared height and its chart text stays clear', async ({
	browser,
	page
}) => {
	// New lanes, years, films and longer notes change every page's height and what its labels meet.
	test.setTimeout(300_000);
	const { dir } = await editedBuild();
	let server: ChildProcess | undefined;
	try {
		const served = await serveCopy(dir);
		server = served.server;
		const { checked, problems } = await checkEmbedHeights(browser, served.url);
		expect.soft(problems, 'no-script heights of the edited copy').toEqual([]);
		const clashes: string[] = [];
		for (const view of checked) {
			for (const width of [320, 1000]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${served.url}/embed/${view}/`);
				clashes.push(...(await textProblems(page, `${view} at ${width}px`, width)));
			}
		}
		expect.soft(clashes, 'chart text of the edited copy').toEqual([]);
	} finally {
		server?.kill('SIGTERM');
	}
});
