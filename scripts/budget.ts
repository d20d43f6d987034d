/**
 * `npm run budget`: fails when a prerendered page ships more gzipped bytes than its budget.
 * Readers arrive on phones from social links; the story page must be readable after one round
 * trip (~14 KiB of HTML), and an embed must not weigh down the newsroom page that hosts it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPages, measurePage, type PageWeight } from './page-weight.js';
import { isEmbedPage } from './security-headers.js';

interface Budget {
	js: number;
	html?: number;
}

const KiB = 1024;

/** Budgets by route; pages without one (the editor, the embed gallery) are reported only. */
function budgetFor(route: string): Budget | undefined {
	if (route === '/') return { js: 40 * KiB, html: 14 * KiB };
	if (isEmbedPage(route)) return { js: 12 * KiB };
	return undefined;
}

const bytes = (n: number): string => n.toLocaleString('en-GB');

/** What each over-budget page must lose, naming its biggest scripts as the place to start. */
function overruns(page: PageWeight, budget: Budget): string[] {
	const lines: string[] = [];
	if (page.jsGzipBytes > budget.js) {
		const biggest = [...page.scripts]
			.sort((a, b) => b.gzipBytes - a.gzipBytes)
			.slice(0, 3)
			.map((s) => `${s.name} (${bytes(s.gzipBytes)} B)`);
		lines.push(
			`OVER: ${page.route} ships ${bytes(page.jsGzipBytes)} B of gzipped JS, ` +
				`${bytes(page.jsGzipBytes - budget.js)} B over its ${bytes(budget.js)} B budget. ` +
				`Biggest: ${biggest.join(', ')}.`
		);
	}
	if (budget.html !== undefined && page.htmlGzipBytes > budget.html) {
		lines.push(
			`OVER: ${page.route} HTML is ${bytes(page.htmlGzipBytes)} B gzipped, ` +
				`${bytes(page.htmlGzipBytes - budget.html)} B over its ${bytes(budget.html)} B budget. ` +
				'Look for large inline data or SVG that could be simplified.'
		);
	}
	return lines;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
// Same variable svelte.config.js reads for paths.base, so absolute URLs map back to files.
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');

if (!existsSync(resolve(buildDir, 'index.html'))) {
	console.error(`${buildDir}/index.html not found: run npm run build before npm run budget.`);
	process.exit(1);
}

const pages = findPages(buildDir).map((path) => measurePage(buildDir, path, base));
const rows = [['page', 'HTML gz', 'JS gz', 'budget', 'status']];
const failures: string[] = [];
for (const page of pages) {
	const budget = budgetFor(page.route);
	const over = budget ? overruns(page, budget) : [];
	failures.push(...over);
	const limits = budget
		? [`JS ≤ ${bytes(budget.js)}`, ...(budget.html ? [`HTML ≤ ${bytes(budget.html)}`] : [])]
		: ['report only'];
	rows.push([
		page.route,
		bytes(page.htmlGzipBytes),
		bytes(page.jsGzipBytes),
		limits.join(', '),
		budget ? (over.length ? 'OVER' : 'OK') : '-'
	]);
}

const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
const numeric = new Set([1, 2]);
for (const row of rows) {
	const cells = row.map((cell, col) =>
		numeric.has(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)
	);
	console.log(cells.join('  ').trimEnd());
}

if (!pages.some((page) => isEmbedPage(page.route))) {
	console.warn('Note: no /embed/<id>/ pages found in the build, so no embed budget was checked.');
}
if (failures.length > 0) {
	console.error('\n' + failures.join('\n'));
	process.exit(1);
}
console.log(`\nAll budgets met across ${pages.length} pages (bytes, gzip level 9).`);
