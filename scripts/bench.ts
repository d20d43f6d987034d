/**
 * `npm run bench`: builds the site into its own folder, serves it gzipped as a real host would, and
 * prints what a reader pays on / and on each /embed/<id>/: gzipped bytes, Lighthouse mobile scores
 * (simulated slow 4G and a 4× slower CPU, Lighthouse's default), LCP/TBT/CLS, and the longest main-
 * thread task while a script scrolls through every step at 4× CPU slowdown. Timings are printed,
 * never asserted: they vary by machine, so they belong here and not in `npm test`.
 *
 * Env: BENCH_BUILD_DIR (build-bench), BENCH_SKIP_BUILD=1 to measure an existing build, BENCH_RUNS
 * (3 Lighthouse runs per page), BENCH_SCROLL_RUNS (3 traced scrolls per width), BENCH_ONLY=scroll
 * (no Lighthouse), CHROMIUM_PATH (/usr/bin/chromium), PUBLIC_SITE_URL and BASE_PATH as
 * for a real build (absolute canonical URLs need PUBLIC_SITE_URL).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { lookup } from 'mrmime';
import { CHART_IDS } from '../src/lib/charts/chart-ids.js';
import { findPages, measurePage } from './page-weight.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildName = process.env.BENCH_BUILD_DIR ?? 'build-bench';
const buildDir = resolve(root, buildName);
const chromePath = chromiumPath;
const CHROME_FLAGS = CHROMIUM_ARGS;

function build() {
	if (process.env.BENCH_SKIP_BUILD && existsSync(join(buildDir, 'index.html'))) return;
	console.log(`Building into ${buildName}/ …`);
	const result = spawnSync('npm', ['run', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, BUILD_DIR: buildName, SVELTEKIT_OUT_DIR: `.svelte-kit-${buildName}` }
	});
	if (result.status !== 0) {
		console.error(`npm run build failed (exit ${result.status}).`);
		process.exit(result.status ?? 1);
	}
}

/** A static host in a few lines: folder pages, content types, gzip on the fly. Loopback only. */
function serve(): Promise<{ server: Server; origin: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = join(buildDir, path);
		if (!file.startsWith(buildDir)) return void res.writeHead(400).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			return void res.end(readFileSync(join(buildDir, '404.html')));
		}
		const type = lookup(file) ?? 'application/octet-stream';
		const body = readFileSync(file);
		const headers: Record<string, string> = {
			'Content-Type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
			'Cache-Control': path.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		if (
			/gzip/.test(String(req.headers['accept-encoding'])) &&
			/text|javascript|json|svg/.test(type)
		) {
			res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
			return void res.end(gzipSync(body));
		}
		res.writeHead(200, headers).end(body);
	});
	return new Promise((done) =>
		server.listen(0, '127.0.0.1', () =>
			done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
		)
	);
}

interface LighthouseRow {
	perf: number;
	a11y: number;
	bestPractices: number;
	seo: number;
	lcp: number;
	tbt: number;
	cls: number;
	failing: string[];
	/** What the largest contentful paint was, so a slow LCP says which element to look at. */
	lcpElement: string;
}

async function runLighthouse(url: string, port: number): Promise<LighthouseRow> {
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']
	});
	const lhr = result!.lhr;
	const score = (id: string) => lhr.categories[id]?.score ?? 0;
	const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	// Audits that cost points, so a score under 1 says where to look.
	const failing = Object.values(lhr.categories)
		.flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
		.map((ref) => lhr.audits[ref.id]!)
		.filter((audit) => audit.score !== null && audit.score < 1)
		.map((audit) => `${audit.id} (${audit.score})`);
	const lcpTable = (
		lhr.audits['largest-contentful-paint-element']?.details as
			{ items?: { items?: { node?: { selector?: string } }[] }[] } | undefined
	)?.items?.[0]?.items?.[0]?.node;
	return {
		lcpElement: lcpTable?.selector ?? '?',
		perf: score('performance'),
		a11y: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		lcp: value('largest-contentful-paint'),
		tbt: value('total-blocking-time'),
		cls: value('cumulative-layout-shift'),
		failing
	};
}

/**
 * The longest main-thread task while a reader scrolls through every step of the story at 4× CPU
 * slowdown. The scroll is driven by wheel input, and nothing is evaluated in the page while tracing,
 * so the figure holds only the page's own work (Playwright's injected scripts would otherwise show
 * up as long tasks of their own).
 */
async function longestScrollTask(
	origin: string,
	width: number
): Promise<{ ms: number; parts: string; steps: number }> {
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROME_FLAGS });
	const page = await browser.newPage({ viewport: { width, height: 800 } });
	// Slow from the first byte, as a phone is: switching the rate on mid-page made the next few frames
	// 40–70 ms long whatever they held (the switch's own cost, not the page's).
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.goto(`${origin}/`);
	await page.locator('section[data-scrolly].is-ready').waitFor({ timeout: 60_000 });
	await page.evaluate(() => {
		const root = document.querySelector<HTMLElement>('[data-scrolly]')!;
		const seen = new Set<string>([root.dataset.activeStep ?? '']);
		(window as unknown as { seenSteps: Set<string> }).seenSteps = seen;
		new MutationObserver(() => seen.add(root.dataset.activeStep ?? '')).observe(root, {
			attributes: true,
			attributeFilter: ['data-active-step']
		});
	});
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
	for (let y = 0; y < height; y += 200) {
		await page.mouse.wheel(0, 200);
		await page.waitForTimeout(120);
	}
	await page.waitForTimeout(1000);
	const trace = JSON.parse((await browser.stopTracing()).toString()) as {
		traceEvents: TraceEvent[];
	};
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	const steps = await page.evaluate(
		() => (window as unknown as { seenSteps: Set<string> }).seenSteps.size
	);
	await browser.close();
	return { ...longestPageTask(trace.traceEvents), steps };
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	args?: { name?: string };
}

/**
 * The longest task on the page's main thread (a long task as the Long Tasks API counts it: other
 * threads and the browser process are not the page's), and what filled it.
 */
function longestPageTask(events: TraceEvent[]): { ms: number; parts: string } {
	const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
	const main = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map(thread)
	);
	const tasks = events.filter(
		(e) =>
			(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
			e.dur &&
			main.has(thread(e))
	);
	const longest = tasks.sort((a, b) => b.dur! - a.dur!)[0];
	if (!longest) return { ms: 0, parts: '' };
	const inside = new Map<string, number>();
	for (const e of events) {
		if (e === longest || !e.dur || thread(e) !== thread(longest) || e.name.includes('RunTask'))
			continue;
		if (e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur!)
			inside.set(e.name, Math.max(inside.get(e.name) ?? 0, e.dur));
	}
	const parts = [...inside]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 3)
		.map(([name, dur]) => `${name} ${(dur / 1000).toFixed(1)}`)
		.join(', ');
	return { ms: longest.dur! / 1000, parts };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

build();
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');
const weights = new Map(
	findPages(buildDir)
		.map((path) => measurePage(buildDir, path, base))
		.map((page) => [page.route, page])
);
const routes = ['/', ...CHART_IDS.map((id) => `/embed/${id}/`)];
/**
 * Lighthouse's simulated timings scale the CPU time it observes, so on a busy machine one run can be
 * 50 % off the next: each page is run RUNS times and the median run (by LCP) is reported, as
 * Lighthouse's own docs advise.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The scroll is traced at a phone's width (chart above the steps) and a laptop's (side by side). */
const SCROLL_WIDTHS = [375, 1280];
const SCROLL_RUNS = Number(process.env.BENCH_SCROLL_RUNS ?? 3);
/** BENCH_ONLY=scroll skips Lighthouse (the slow part) and prints the scroll traces alone. */
const scrollOnly = process.env.BENCH_ONLY === 'scroll';
const { server, origin } = await serve();
const chrome = await chromeLauncher.launch({
	chromePath,
	chromeFlags: [...CHROME_FLAGS, '--headless=new']
});

const rows: string[][] = [
	['page', 'HTML gz KB', 'JS gz KB', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS']
];
const notes: string[] = [];
const lcpNotes: string[] = [];
try {
	for (const route of scrollOnly ? [] : routes) {
		const weight = weights.get(route);
		const runs: LighthouseRow[] = [];
		for (let run = 0; run < RUNS; run++)
			runs.push(await runLighthouse(`${origin}${route}`, chrome.port));
		const lh = runs.sort((a, b) => a.lcp - b.lcp)[Math.floor(runs.length / 2)]!;
		if (lh.failing.length) notes.push(`${route}: ${lh.failing.join(', ')}`);
		lcpNotes.push(`${route}: ${lh.lcpElement}`);
		rows.push([
			route,
			weight ? kb(weight.htmlGzipBytes) : '?',
			weight ? kb(weight.jsGzipBytes) : '?',
			lh.perf.toFixed(2),
			lh.a11y.toFixed(2),
			lh.bestPractices.toFixed(2),
			lh.seo.toFixed(2),
			lh.lcp.toFixed(0),
			lh.tbt.toFixed(0),
			lh.cls.toFixed(3)
		]);
	}
	const scrolls: { width: number; ms: number[]; steps: number; worst: string }[] = [];
	for (const width of SCROLL_WIDTHS) {
		const runs = [];
		for (let run = 0; run < SCROLL_RUNS; run++) runs.push(await longestScrollTask(origin, width));
		const worst = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
		scrolls.push({
			width,
			ms: runs.map((r) => r.ms),
			steps: Math.min(...runs.map((r) => r.steps)),
			worst: worst.parts
		});
	}
	const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
	console.log('');
	for (const row of rows) {
		console.log(
			row
				.map((cell, col) => (col ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
				.join('  ')
		);
	}
	console.log(
		'\nLongest main-thread task scrolling through every step of / at 4× CPU slowdown (> 50 ms is long):'
	);
	for (const scroll of scrolls) {
		console.log(
			`  ${scroll.width} px, ${scroll.steps} steps seen: worst ${Math.max(...scroll.ms).toFixed(1)} ms ` +
				`(runs: ${scroll.ms.map((ms) => ms.toFixed(1)).join(', ')}); in the worst: ${scroll.worst}`
		);
	}
	console.log(
		`Lighthouse: mobile preset, simulated throttling, median of ${RUNS} runs; bytes gzip level 9 from the build.`
	);
	console.log(`\nLCP element:\n  ${lcpNotes.join('\n  ')}`);
	if (notes.length) console.log(`\nAudits below 1:\n  ${notes.join('\n  ')}`);
} finally {
	await chrome.kill();
	server.close();
}
