/**
 * Hostile data, end to end: a copy of the project gets the rows in tests/fixtures/hostile/ added
 * to its CSVs (markup, bidi controls, emoji, a 10,000-character label, an unknown provider), is
 * built with `npm run build` and served with `npm start`'s server, then read in Chromium.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { copyProject, runBuild, serveCopy } from './support/project-copy';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/hostile');
const CHARTS = ['downloads', 'isp-actions', 'timeline'] as const;
/** Columns that take any text, and so must come back exactly as written. */
const FREE_TEXT = ['label', 'note', 'isp', 'detail', 'event'];

/** Hostile rows by chart, as the fixture files write them. */
const hostile = Object.fromEntries(
	CHARTS.map((chart) => [
		chart,
		Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, `${chart}.csv`), 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data
	])
) as Record<(typeof CHARTS)[number], Record<string, string>[]>;

const longLabel = hostile.downloads.find((row) => row.label!.length === 10_000)!.label!;
/** What the browser shows for a cell: XML can't carry control characters, HTML drops none. */
const shown = (text: string) => text.trim();

/** A copy of the project (support/project-copy.ts) with the hostile rows appended to its CSVs. */
function hostileCopy(): string {
	const dir = copyProject('hostile');
	for (const chart of CHARTS) {
		const file = join(dir, 'data', `${chart}.csv`);
		const text = readFileSync(file, 'utf8');
		const header = Papa.parse<string[]>(text, { preview: 1 }).data[0]!;
		const rows = hostile[chart].map((row) => header.map((column) => row[column] ?? ''));
		const sep = text.endsWith('\n') ? '' : '\n';
		writeFileSync(file, `${text}${sep}${Papa.unparse(rows, { newline: '\n' })}\n`);
	}
	return dir;
}

let dir = '';
let site = '';
let server: ChildProcess | undefined;
let stopBuild = () => {};
let pages: string[] = [];
let snapshots: string[] = [];

// One build for the file's tests, in one worker: each worker would otherwise build its own.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	dir = hostileCopy();
	const build = runBuild(dir);
	stopBuild = build.stop;
	const { code, output } = await build.result;
	if (code !== 0) throw new Error(`npm run build failed (${code}):\n${output.slice(-3000)}`);
	({ url: site, server } = await serveCopy(dir));
	const embeds = join(dir, 'build/embed');
	pages = ['/'];
	for (const chart of readdirSync(embeds, { withFileTypes: true })) {
		if (!chart.isDirectory()) continue;
		pages.push(`/embed/${chart.name}/`);
		for (const step of readdirSync(join(embeds, chart.name), { withFileTypes: true })) {
			if (step.isDirectory()) pages.push(`/embed/${chart.name}/${step.name}/`);
		}
	}
	snapshots = readdirSync(join(dir, 'build/snapshots'))
		.filter((name) => name.endsWith('.svg'))
		.map((name) => `/snapshots/${basename(name)}`);
});

test.afterAll(() => {
	stopBuild();
	server?.kill('SIGTERM');
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Collects what hostile markup would do if it ran: dialogs and requests leaving the site. */
function watch(page: Page) {
	const seen = { dialogs: [] as string[], requests: [] as string[] };
	page.on('dialog', (dialog) => {
		seen.dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('request', (request) => seen.requests.push(request.url()));
	return seen;
}

/**
 * One look at the open page, in one round trip: opens every data table first (the widest content on
 * the page must still fit), then collects what hostile text would leave behind had it run as code or
 * made it into the DOM as markup, and what the page shows: its width, titles and parse errors.
 */
function inspect(page: Page) {
	return page.evaluate(() => {
		document.querySelectorAll('details').forEach((details) => (details.open = true));
		return {
			pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
			title: document.title,
			handlers: Array.from(document.querySelectorAll('*')).flatMap((element) =>
				Array.from(element.attributes)
					.filter((attr) => /^on/i.test(attr.name))
					.map((attr) => `${element.localName}[${attr.name}]`)
			),
			images: Array.from(document.querySelectorAll('img'), (img) => img.getAttribute('src')),
			inlineScripts: Array.from(document.querySelectorAll('script'))
				.filter((script) => (script.textContent ?? '').includes('__pwned'))
				.map((script) => script.textContent),
			width: document.documentElement.scrollWidth,
			titles: Array.from(document.querySelectorAll('title'), (title) => title.textContent ?? ''),
			parseErrors: document.querySelectorAll('parsererror').length
		};
	});
}

/** No hostile script ran and no hostile element or attribute made it into the DOM. */
function expectInert(
	seen: ReturnType<typeof watch>,
	evidence: Awaited<ReturnType<typeof inspect>>,
	where: string
) {
	expect(seen.dialogs, `${where}: dialogs`).toEqual([]);
	const { pwned, title, handlers, images, inlineScripts } = evidence;
	expect({ pwned, title, handlers, images, inlineScripts }, where).toEqual({
		pwned: null,
		title: expect.not.stringMatching(/pwned/),
		handlers: [],
		images: images.filter((src) => src !== 'x'),
		inlineScripts: []
	});
	const offSite = seen.requests.filter((url) => !url.startsWith(`${site}/`));
	expect(offSite, `${where}: requests to other sites`).toEqual([]);
	expect(
		seen.requests.filter((url) => new URL(url).pathname.endsWith('/x')),
		`${where}: <img src=x> was never requested`
	).toEqual([]);
}

test('the build accepts every hostile row and warns at most', () => {
	// A row that failed validation would have stopped `npm run build` in beforeAll.
	const csv = readFileSync(join(dir, 'build/data/downloads.csv'), 'utf8');
	expect(csv).toContain(longLabel);
});

for (const javaScriptEnabled of [true, false]) {
	test(`no hostile text runs as code on any page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const context = await browser.newContext({
			javaScriptEnabled,
			viewport: { width: 375, height: 800 }
		});
		const page = await context.newPage();
		const seen = watch(page);
		for (const path of pages) {
			await page.goto(`${site}${path}`);
			// The same checks with JavaScript off: markup that made it into the DOM is there either way.
			const evidence = await inspect(page);
			expectInert(seen, evidence, path);
			expect(evidence.width, `${path}: sideways scroll at 375 px`).toBeLessThanOrEqual(375);
		}
		await context.close();
	});
}

for (const chart of CHARTS) {
	test(`/embed/${chart}/ shows every hostile cell literally, in full, in its data table`, async ({
		page
	}) => {
		const seen = watch(page);
		await page.goto(`${site}/embed/${chart}/`);
		expectInert(seen, await inspect(page), `/embed/${chart}/`);
		const cells = await page.locator('.data-table td bdi, .data-table th bdi').allTextContents();
		for (const row of hostile[chart]) {
			for (const column of FREE_TEXT) {
				const text = row[column];
				if (text) expect(cells, `${chart} ${column}`).toContain(shown(text));
			}
		}
	});
}

// One page for both: they read the same chart's labels.
test('/embed/downloads/: the 10,000-character label is whole in the table, shortened in the chart, and a U+202E label reverses only itself', async ({
	page
}) => {
	await page.goto(`${site}/embed/downloads/`);
	await expect(page.locator('.data-table th bdi', { hasText: longLabel })).toHaveText(longLabel);
	const label = page.locator('text.bar-label', { hasText: '10k:abc' });
	const text = (await label.textContent()) ?? '';
	expect(text.length, 'the long label is shortened in the chart').toBeLessThan(45);
	expect(text.endsWith('…'), 'the long label ends in an ellipsis').toBe(true);

	// The ellipsis after the U+202E label stays at the end.
	const positions = await page
		.locator('text.bar-label', { hasText: 'RLO label' })
		.evaluate((text: SVGTextElement) => {
			const n = text.getNumberOfChars();
			return Array.from({ length: n }, (_, i) => text.getStartPositionOfChar(i).x);
		});
	const ellipsis = positions.at(-1)!;
	expect(ellipsis, 'the ellipsis after the U+202E label is last').toBeGreaterThanOrEqual(
		Math.max(...positions.slice(0, -1))
	);
});

test('snapshot SVGs parse, draw, run nothing and carry the hostile text as text', async ({
	page
}) => {
	const seen = watch(page);
	const titles: string[] = [];
	for (const path of snapshots) {
		await page.goto(`${site}${path}`);
		const evidence = await inspect(page);
		expect(evidence.parseErrors, `${path} is well-formed XML`).toBe(0);
		expectInert(seen, evidence, path);
		titles.push(...evidence.titles);
	}
	await page.goto(`${site}/`);
	const drawn = await page.evaluate(
		(paths) =>
			Promise.all(
				paths.map(async (path) => {
					const img = new Image();
					img.src = path;
					await img.decode().catch(() => undefined);
					return img.naturalWidth > 0;
				})
			),
		snapshots
	);
	expect(drawn).toEqual(snapshots.map(() => true));
	expect(titles).toContain('<img src=x onerror=window.__pwned=8> event');
	// The control character can't be in XML, so the snapshot drops it and keeps the rest.
	expect(titles).toContain('\u202eRLO event with a control character');
});
