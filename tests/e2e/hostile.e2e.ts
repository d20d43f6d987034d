/**
 * Hostile data, end to end: a copy of the project gets the rows in tests/fixtures/hostile/ added
 * to its CSVs (markup, bidi controls, emoji, a 10,000-character label, an unknown provider), is
 * built with `npm run build` and served with `npm start`'s server, then read in Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';

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

/** Copies the project (without build output or node_modules) and appends the hostile rows. */
function copyProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
	const skip =
		/^(node_modules|build.*|\.svelte-kit.*|\.git|test-results|playwright-report|tmp-.*)$/;
	for (const name of readdirSync(ROOT)) {
		if (skip.test(name)) continue;
		cpSync(join(ROOT, name), join(dir, name), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
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

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
	return spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
}

function build(dir: string): Promise<void> {
	return new Promise((done, fail) => {
		const env = { BUILD_DIR: 'build', SVELTEKIT_OUT_DIR: '.svelte-kit', DEPLOY_DIR: 'deploy' };
		const child = run('npm', ['run', 'build'], dir, env);
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) =>
			code === 0
				? done()
				: fail(new Error(`npm run build failed (${code}):\n${output.slice(-3000)}`))
		);
	});
}

/** Starts `npm start`'s server on a free port; resolves to its URL. */
function serve(dir: string): Promise<{ url: string; server: ChildProcess }> {
	return new Promise((done, fail) => {
		const env = { PORT: '0', HOST: '127.0.0.1', SKIP_BUILD_CHECK: '1', BUILD_DIR: 'build' };
		const server = run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], dir, env);
		let output = '';
		server.stdout!.on('data', (chunk) => {
			output += chunk;
			const port = /at http:\/\/localhost:(\d+)/.exec(output)?.[1];
			if (port) done({ url: `http://127.0.0.1:${port}`, server });
		});
		server.stderr!.on('data', (chunk) => (output += chunk));
		server.on('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
	});
}

let dir = '';
let site = '';
let server: ChildProcess | undefined;
let pages: string[] = [];
let snapshots: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	dir = copyProject();
	await build(dir);
	({ url: site, server } = await serve(dir));
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

/** No hostile script ran and no hostile element or attribute made it into the DOM. */
async function expectInert(page: Page, seen: ReturnType<typeof watch>, where: string) {
	expect(seen.dialogs, `${where}: dialogs`).toEqual([]);
	const evidence = await page.evaluate(() => ({
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
			.map((script) => script.textContent)
	}));
	expect(evidence, where).toEqual({
		pwned: null,
		title: expect.not.stringMatching(/pwned/),
		handlers: [],
		images: evidence.images.filter((src) => src !== 'x'),
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
			// Open every data table: the widest content on the page must still fit at 375 px.
			await page
				.locator('details')
				.evaluateAll((all) =>
					all.forEach((details) => ((details as HTMLDetailsElement).open = true))
				);
			if (javaScriptEnabled) await expectInert(page, seen, path);
			else {
				expect(
					seen.requests.filter((url) => !url.startsWith(`${site}/`)),
					path
				).toEqual([]);
				expect(await page.locator('img[src="x"], [onerror], [onload]').count(), path).toBe(0);
			}
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${path}: sideways scroll at 375 px`).toBeLessThanOrEqual(375);
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
		await expectInert(page, seen, `/embed/${chart}/`);
		const cells = await page.locator('.data-table td bdi, .data-table th bdi').allTextContents();
		for (const row of hostile[chart]) {
			for (const column of FREE_TEXT) {
				const text = row[column];
				if (text) expect(cells, `${chart} ${column}`).toContain(shown(text));
			}
		}
	});
}

test('the 10,000-character label is whole in the table, shortened in the chart', async ({
	page
}) => {
	await page.goto(`${site}/embed/downloads/`);
	await expect(page.locator('.data-table th bdi', { hasText: longLabel })).toHaveText(longLabel);
	const label = page.locator('text.bar-label', { hasText: '10k:abc' });
	const text = (await label.textContent()) ?? '';
	expect(text.length).toBeLessThan(45);
	expect(text.endsWith('…')).toBe(true);
});

test('a U+202E label reverses only itself: the ellipsis after it stays at the end', async ({
	page
}) => {
	await page.goto(`${site}/embed/downloads/`);
	const positions = await page
		.locator('text.bar-label', { hasText: 'RLO label' })
		.evaluate((text: SVGTextElement) => {
			const n = text.getNumberOfChars();
			return Array.from({ length: n }, (_, i) => text.getStartPositionOfChar(i).x);
		});
	const ellipsis = positions.at(-1)!;
	expect(ellipsis).toBeGreaterThanOrEqual(Math.max(...positions.slice(0, -1)));
});

test('snapshot SVGs parse, draw, run nothing and carry the hostile text as text', async ({
	page
}) => {
	const seen = watch(page);
	const titles: string[] = [];
	for (const path of snapshots) {
		await page.goto(`${site}${path}`);
		expect(await page.locator('parsererror').count(), `${path} is well-formed XML`).toBe(0);
		await expectInert(page, seen, path);
		titles.push(...(await page.locator('title').allTextContents()));
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
