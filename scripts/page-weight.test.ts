import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPages, measurePage, routeOf } from './page-weight.js';

let build: string;

function write(path: string, content: string): void {
	mkdirSync(dirname(join(build, path)), { recursive: true });
	writeFileSync(join(build, path), content);
}

const gz = (content: string | Buffer): number => gzipSync(content, { level: 9 }).length;
// Repetitive but not trivially compressible, so gzip sizes differ from raw sizes.
const chart = Array.from({ length: 200 }, (_, i) => `export const v${i} = ${i * 7919};`).join('\n');

beforeEach(() => {
	build = mkdtempSync(join(tmpdir(), 'page-weight-'));
	write('_app/immutable/chart.js', chart);
	write('_app/immutable/start.js', 'export function start() { return 42; }');
});
afterEach(() => rmSync(build, { recursive: true, force: true }));

describe('measurePage', () => {
	it('counts the gzipped size of each script the page loads, and of the HTML', () => {
		const html = '<!doctype html><script type="module" src="/_app/immutable/chart.js"></script>';
		write('index.html', html);

		const page = measurePage(build, 'index.html');
		expect(page.route).toBe('/');
		expect(page.jsGzipBytes).toBe(gz(readFileSync(join(build, '_app/immutable/chart.js'))));
		expect(page.htmlGzipBytes).toBe(gz(html));
	});

	it('counts a file once when the page both preloads and loads it', () => {
		write(
			'embed/downloads/index.html',
			`<link rel="modulepreload" href="../../_app/immutable/chart.js">
			<link rel="stylesheet" href="/_app/immutable/chart.css">
			<script type="module" src="/_app/immutable/chart.js"></script>`
		);
		const page = measurePage(build, 'embed/downloads/index.html');
		expect(page.scripts.map((s) => s.name)).toEqual(['_app/immutable/chart.js']);
		expect(page.jsGzipBytes).toBe(gz(chart));
	});

	it('adds inline bootstrap code and the entry points it imports, but not JSON data', () => {
		const boot = 'Promise.all([import("/_app/immutable/start.js")]).then(([kit]) => kit.start());';
		write(
			'index.html',
			`<script type="application/json" data-sveltekit-fetched>{"big":"${'x'.repeat(500)}"}</script>
			<!-- <script src="/_app/immutable/chart.js"></script> -->
			<script>${boot}</script>`
		);
		const page = measurePage(build, 'index.html');
		expect(page.scripts.map((s) => s.name)).toEqual(['_app/immutable/start.js', 'inline #1']);
		expect(page.jsGzipBytes).toBe(
			gz(readFileSync(join(build, '_app/immutable/start.js'))) + gz(boot)
		);
	});

	it('maps URLs under a base path back to files in the build', () => {
		write('index.html', '<script type="module" src="/explainer/_app/immutable/chart.js"></script>');
		expect(measurePage(build, 'index.html', '/explainer').jsGzipBytes).toBe(gz(chart));
	});

	it('fails loudly, naming the page and URL, when a script is missing from the build', () => {
		write('editor/index.html', '<script src="/_app/immutable/gone.js"></script>');
		expect(() => measurePage(build, 'editor/index.html')).toThrow(
			/\/editor\/ loads \/_app\/immutable\/gone\.js, which is not in/
		);
	});
});

describe('findPages', () => {
	it('finds every prerendered page with the route it is served at', () => {
		write('index.html', '');
		write('embed/index.html', '');
		write('embed/timeline/index.html', '');
		write('embed/timeline/2/index.html', '');
		write('editor/index.html', '');
		write('embed/timeline/10/index.html', '');
		expect(findPages(build).map(routeOf)).toEqual([
			'/',
			'/editor/',
			'/embed/',
			'/embed/timeline/',
			'/embed/timeline/2/',
			'/embed/timeline/10/'
		]);
	});
});
