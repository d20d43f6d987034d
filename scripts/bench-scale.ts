/**
 * `npm run bench:scale [-- 1 10 100]`: how the site grows with its data. For each size it copies the
 * project to a temporary folder, replaces data/*.csv with today's rows replicated that many times
 * (each copy perturbed: dates moved by whole months, new labels and providers, figures scaled) and the
 * story with up to 10× its steps, builds it with `npm run build`, and prints per size: build time, the
 * gzipped HTML of `/`, of `/story-states.json` and of each embed page, `/`'s gzipped JS, and the marks
 * drawn (distinct `data-row` keys not `.is-hidden`) against the rows of each chart's CSV.
 *
 * Printed, never asserted: timings vary by machine. The aim (issue 12): bytes and build time grow at
 * most linearly, and at 10× `/` still meets its budgets (40 KB JS, 14 KB HTML gzip) with every row drawn.
 *
 * Env: BENCH_KEEP=1 keeps the copies (their paths are printed).
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { CHART_IDS } from '../src/lib/charts/chart-ids.js';
import { datasetFile } from '../src/lib/schema/datasets.js';
import { STORY_FILE } from '../src/lib/story/story.js';
import { gzipBytes, measurePage } from './page-weight.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A copy of the project without build output, sharing node_modules. */
function copyProject(scale: number): string {
	const dir = mkdtempSync(join(tmpdir(), `bench-scale-${scale}x-`));
	const skip =
		/^(node_modules|build.*|deploy.*|\.svelte-kit.*|\.git|test-results|playwright-report|tmp-.*)$/;
	for (const name of readdirSync(root)) {
		if (!skip.test(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

// ── Synthetic data: today's rows, replicated and perturbed so every copy is a valid, distinct row. ──

const pad = (n: number) => String(n).padStart(2, '0');

/** Moves one ISO date (YYYY, YYYY-MM or YYYY-MM-DD) by whole months, keeping its precision. */
function shiftOne(text: string, months: number): string {
	const [y, m = '01', d] = text.split('-');
	const index = Number(y) * 12 + Number(m) - 1 + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	if (text.length === 4) return String(Math.floor((Number(y) * 12 + months) / 12));
	if (d === undefined) return `${year}-${pad(month)}`;
	// Day 29–31 may not exist in the new month: the 28th always does.
	return `${year}-${pad(month)}-${pad(Math.min(Number(d), 28))}`;
}

const shiftDate = (text: string, months: number) =>
	text
		.split('/')
		.map((part) => shiftOne(part.trim(), months))
		.join('/');

/** Copy k's offset: alternately before and after today's span, two months further each time. */
const monthsFor = (k: number) => (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 2;

type Perturb = (row: Record<string, string>, k: number) => Record<string, string>;

const PERTURB: Record<(typeof CHART_IDS)[number], Perturb> = {
	downloads: (row, k) => ({
		...row,
		label: `${row.label} ${1 + (k % 19)}`,
		downloads: String(
			Math.max(1, Math.round((Number(row.downloads) * (50 + ((k * 37) % 100))) / 100))
		),
		as_of: shiftDate(row.as_of!, monthsFor(k))
	}),
	'isp-actions': (row, k) => ({
		...row,
		isp: `${row.isp} ${1 + (k % 9)}`,
		date: shiftDate(row.date!, monthsFor(k)),
		detail: `${row.detail} (copy ${k})`
	}),
	timeline: (row, k) => ({
		...row,
		date: shiftDate(row.date!, monthsFor(k)),
		event: `${row.event} (copy ${k})`
	})
};

/** Writes each chart's CSV at `scale` times today's rows; returns the row count per chart. */
function scaleData(dir: string, scale: number): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const id of CHART_IDS) {
		const file = join(dir, datasetFile(id));
		const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
			header: true,
			skipEmptyLines: true
		});
		const rows = [...parsed.data];
		for (let k = 1; k < scale; k++) rows.push(...parsed.data.map((row) => PERTURB[id](row, k)));
		writeFileSync(file, Papa.unparse(rows, { columns: parsed.meta.fields, newline: '\n' }) + '\n');
		counts[id] = rows.length;
	}
	return counts;
}

/** Repeats the story's [steps] list `times` times; returns the step count. */
function scaleStory(dir: string, times: number): number {
	const file = join(dir, STORY_FILE);
	const text = readFileSync(file, 'utf8');
	const match = /\[steps\]\n([\s\S]*?)\n\[\]/.exec(text);
	if (!match) throw new Error(`${STORY_FILE}: no [steps] … [] list to repeat`);
	const steps = match[1]!;
	const count = (steps.match(/^chart:/gm) ?? []).length;
	writeFileSync(
		file,
		text.replace(match[0], `[steps]\n${Array(times).fill(steps).join('\n\n')}\n[]`)
	);
	return count * times;
}

// ── Measuring a build. ──

/** Distinct data-row keys of one dataset in a page, and those on an element not marked is-hidden. */
function marks(html: string, dataset: string): { keys: number; drawn: number } {
	const keys = new Set<string>();
	const drawn = new Set<string>();
	for (const [tag] of html.matchAll(/<[a-z][^>]*\sdata-row="[^"]*"[^>]*>/gi)) {
		const key = /\sdata-row="([^"]*)"/.exec(tag)![1]!;
		if (!key.startsWith(`${dataset}:`)) continue;
		keys.add(key);
		const classes = /\sclass="([^"]*)"/.exec(tag)?.[1] ?? '';
		if (!/(^|\s)is-hidden(\s|$)/.test(classes)) drawn.add(key);
	}
	return { keys: keys.size, drawn: drawn.size };
}

interface Result {
	scale: number;
	steps: number;
	rows: Record<string, number>;
	seconds?: number;
	failure?: string;
	home?: { html: number; js: number };
	states?: number;
	embeds?: Record<string, { html: number; keys: number; drawn: number }>;
}

function run(scale: number): Result {
	const dir = copyProject(scale);
	const steps = scaleStory(dir, Math.min(scale, 10));
	const rows = scaleData(dir, scale);
	const result: Result = { scale, steps, rows };
	console.log(
		`${scale}×: ${Object.values(rows).reduce((a, b) => a + b, 0)} rows, ${steps} steps; building in ${dir} …`
	);
	const started = process.hrtime.bigint();
	const build = spawnSync('npm', ['run', 'build'], {
		cwd: dir,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, BUILD_DIR: 'build', SVELTEKIT_OUT_DIR: '.svelte-kit', TZ: 'UTC' }
	});
	result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const out = join(dir, 'build');
	if (build.status !== 0 || !existsSync(join(out, 'index.html'))) {
		result.failure = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-8).join('\n');
	} else {
		const home = measurePage(out, 'index.html');
		result.home = { html: home.htmlGzipBytes, js: home.jsGzipBytes };
		result.states = gzipBytes(readFileSync(join(out, 'story-states.json')));
		result.embeds = {};
		for (const id of CHART_IDS) {
			const html = readFileSync(join(out, 'embed', id, 'index.html'), 'utf8');
			result.embeds[id] = { html: gzipBytes(html), ...marks(html, id) };
		}
	}
	if (process.env.BENCH_KEEP) console.log(`  kept ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
	return result;
}

const kb = (bytes: number | undefined) =>
	bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`;

function table(results: Result[]): string {
	const head = [
		'size',
		'rows (d/i/t)',
		'steps',
		'build',
		'/ HTML gz',
		'/ JS gz',
		'/story-states.json gz',
		...CHART_IDS.map((id) => `/embed/${id}/ gz`),
		...CHART_IDS.map((id) => `${id} drawn/rows`)
	];
	const lines = results.map((r) => [
		`${r.scale}×`,
		CHART_IDS.map((id) => r.rows[id]).join('/'),
		String(r.steps),
		r.seconds === undefined ? '–' : `${r.seconds.toFixed(0)} s${r.failure ? ' (failed)' : ''}`,
		kb(r.home?.html),
		kb(r.home?.js),
		kb(r.states),
		...CHART_IDS.map((id) => kb(r.embeds?.[id]?.html)),
		...CHART_IDS.map((id) =>
			r.embeds ? `${r.embeds[id]!.drawn}/${r.rows[id]} (${r.embeds[id]!.keys} keys)` : '–'
		)
	]);
	return [head, head.map(() => '---'), ...lines]
		.map((cells) => `| ${cells.join(' | ')} |`)
		.join('\n');
}

function main(): number {
	const args = process.argv.slice(2);
	const scales = (args.length ? args : ['1', '10', '100']).map(Number);
	if (scales.some((n) => !Number.isInteger(n) || n < 1)) {
		console.error('bench:scale: sizes are whole numbers ≥ 1, e.g. npm run bench:scale -- 1 10');
		return 2;
	}
	const results: Result[] = [];
	for (const scale of scales) {
		const result = run(scale);
		results.push(result);
		if (result.failure) console.log(`  build failed:\n${result.failure.replace(/^/gm, '    ')}`);
	}
	console.log(`\n${table(results)}`);
	console.log(
		'\nBudgets for /: 40 KB JS, 14 KB HTML (gzip). drawn = distinct data-row keys on elements not .is-hidden.'
	);
	return results.some((r) => r.failure) ? 1 : 0;
}

process.exitCode = main();
