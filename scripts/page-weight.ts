/**
 * Measures what a prerendered page costs to load: its gzipped HTML and the gzipped JavaScript it
 * pulls in. Shared by `npm run budget` and benchmarks, so both count bytes the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Script {
	/** Path under the build folder, or `inline #n` for a script body in the HTML. */
	name: string;
	gzipBytes: number;
}

export interface PageWeight {
	/** The URL path the page is served at, without any base path: `/`, `/embed/downloads/`. */
	route: string;
	htmlGzipBytes: number;
	/** Sum of `scripts`; each file counts once however often the page references it. */
	jsGzipBytes: number;
	scripts: Script[];
}

/** Level 9 is what a host's precompression would use, and it makes the numbers reproducible. */
export function gzipBytes(content: string | Buffer): number {
	return gzipSync(content, { level: 9 }).length;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
// One pass, so a comment swallows the tags inside it and a script body is never read as markup.
const TAGS = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>|<link\b([^>]*)>/gi;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
// SvelteKit's inline bootstrap loads its entry points with import("…") rather than a tag.
const DYNAMIC_IMPORT = /\bimport\(\s*(["'])([^"']+)\1\s*\)/g;

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const [, name = '', ...values] of tag.matchAll(ATTR)) {
		const value = values.find((v) => v !== undefined) ?? '';
		found.set(name.toLowerCase(), value.replaceAll('&amp;', '&'));
	}
	return found;
}

/** The script URLs a page loads (`<script src>`, modulepreload, script preload) and its inline bodies. */
export function scriptsIn(html: string): { urls: string[]; inline: string[] } {
	const urls: string[] = [];
	const inline: string[] = [];
	for (const [, scriptAttrs, body = '', linkAttrs] of html.matchAll(TAGS)) {
		if (scriptAttrs !== undefined) {
			const attrs = attributes(scriptAttrs);
			if (!JS_TYPES.has((attrs.get('type') ?? '').toLowerCase())) continue;
			const src = attrs.get('src');
			if (src) urls.push(src);
			else if (body.trim()) {
				inline.push(body);
				for (const [, , specifier = ''] of body.matchAll(DYNAMIC_IMPORT)) urls.push(specifier);
			}
		} else if (linkAttrs !== undefined) {
			const attrs = attributes(linkAttrs);
			const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
			const isScript =
				rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as') === 'script');
			const href = attrs.get('href');
			if (isScript && href) urls.push(href);
		}
	}
	return { urls, inline };
}

/** `index.html` → `/`, `embed/downloads/index.html` → `/embed/downloads/`, `about.html` → `/about`. */
export function routeOf(htmlPath: string): string {
	const path = htmlPath.split(sep).join('/');
	return '/' + path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

/** Every HTML file in the build, relative to it, ordered by route with step numbers in order. */
export function findPages(buildDir: string): string[] {
	const pages: string[] = [];
	const visit = (under: string): void => {
		for (const name of readdirSync(join(buildDir, under))) {
			const path = join(under, name);
			if (statSync(join(buildDir, path)).isDirectory()) visit(path);
			else if (name.endsWith('.html')) pages.push(path);
		}
	};
	visit('');
	return pages.sort((a, b) => routeOf(a).localeCompare(routeOf(b), 'en', { numeric: true }));
}

/** Maps a URL on the page to a file in the build, or explains why it can't be measured. */
function fileFor(buildDir: string, pageUrl: URL, url: string, base: string): string {
	const target = new URL(url, pageUrl);
	if (target.origin !== pageUrl.origin) {
		throw new Error(
			`${pageUrl.pathname} loads ${url} from another site; its size can't be measured.`
		);
	}
	const path = decodeURIComponent(target.pathname);
	const file = resolve(
		buildDir,
		'.' + (path.startsWith(base + '/') ? path.slice(base.length) : path)
	);
	if (
		!file.startsWith(resolve(buildDir) + sep) ||
		!statSync(file, { throwIfNoEntry: false })?.isFile()
	) {
		throw new Error(
			`${pageUrl.pathname} loads ${url}, which is not in ${buildDir}. Is BASE_PATH set as for the build?`
		);
	}
	return file;
}

/**
 * Weighs one page. `base` is the site's base path (SvelteKit `paths.base`), which prefixes the
 * page's absolute URLs but not the files in the build.
 */
export function measurePage(buildDir: string, htmlPath: string, base = ''): PageWeight {
	const route = routeOf(htmlPath);
	const html = readFileSync(join(buildDir, htmlPath));
	const pageUrl = new URL(base + route, 'http://site.invalid/');
	const { urls, inline } = scriptsIn(html.toString('utf8'));

	const files = new Set(urls.map((url) => fileFor(buildDir, pageUrl, url, base)));
	const scripts: Script[] = [
		...[...files].map((file) => ({
			name: relative(buildDir, file).split(sep).join('/'),
			gzipBytes: gzipBytes(readFileSync(file))
		})),
		...inline.map((body, i) => ({ name: `inline #${i + 1}`, gzipBytes: gzipBytes(body) }))
	];
	return {
		route,
		htmlGzipBytes: gzipBytes(html),
		jsGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
		scripts
	};
}
