/**
 * What we serve, checked against the built site as `npm start` serves it: a Content Security Policy
 * on every page (and as a header), framing rules, no third-party requests with JavaScript on or off,
 * and hostile request paths answered with a 4xx while the server keeps going.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';

const BUILD = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

/** Every page SvelteKit prerendered, by URL; static/404.html is served only for missing paths. */
const PAGES = htmlFiles(BUILD)
	.map((file) => '/' + relative(BUILD, file).split(sep).join('/'))
	.filter((path) => path !== '/404.html')
	.map((path) => path.replace(/index\.html$/, ''))
	.sort();

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/;

function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name!.toLowerCase(), values])
	);
}

/** A raw GET, so the path reaches the server exactly as written (no URL normalisation). */
function rawGet(origin: string, path: string): Promise<number> {
	const { hostname, port } = new URL(origin);
	return new Promise((done, fail) => {
		const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
			res.resume();
			res.on('end', () => done(res.statusCode ?? 0));
		});
		req.on('error', fail);
		req.end();
	});
}

test('the build has pages to check', () => {
	expect(PAGES).toContain('/');
	expect(PAGES.some((page) => page.startsWith('/embed/'))).toBe(true);
});

test('every page carries a strict CSP in a <meta> and as a header, with framing rules', async ({
	request
}) => {
	for (const page of PAGES) {
		const response = await request.get(page);
		expect(response.status(), page).toBe(200);
		const html = await response.text();
		const meta = META_CSP.exec(html)?.[1]?.replaceAll('&#39;', "'");
		expect(meta, `${page} has a CSP <meta>`).toBeTruthy();

		const scriptSrc = directives(meta!).get('script-src') ?? directives(meta!).get('default-src');
		expect(scriptSrc, page).toContain("'self'");
		for (const value of scriptSrc!) {
			expect(value, `${page} script-src`).not.toMatch(/^('unsafe-inline'|\*|data:|https?:|blob:)$/);
		}
		// Any inline script must be one the policy allows by hash, or the browser blocks it.
		for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
			if (!body!.trim()) continue;
			const hash = createHash('sha256').update(body!).digest('base64');
			expect(scriptSrc, `${page}: inline script allowed by hash`).toContain(`'sha256-${hash}'`);
		}

		const headers = response.headers();
		const embed = /^\/embed\/[^/]+\//.test(page);
		// The same directives as the <meta> (in a canonical order), plus the framing rule.
		expect(Object.fromEntries(directives(headers['content-security-policy'] ?? '')), page).toEqual(
			Object.fromEntries(directives(`${meta}; frame-ancestors ${embed ? '*' : "'self'"}`))
		);
		expect(headers['x-frame-options'], page).toBe(embed ? undefined : 'SAMEORIGIN');
		expect(headers['x-content-type-options'], page).toBe('nosniff');
		expect(headers['referrer-policy'], page).toMatch(/^(no-referrer|same-origin|strict-origin)/);
		expect(headers['cache-control'], page).toBe('no-cache');
	}
});

/** Pages per test: all of them in one test took ~45 s on a 2-core machine. */
const PAGES_PER_TEST = 10;
const PAGE_GROUPS = Array.from({ length: Math.ceil(PAGES.length / PAGES_PER_TEST) }, (_, index) =>
	PAGES.slice(index * PAGES_PER_TEST, (index + 1) * PAGES_PER_TEST)
);

/**
 * Opens `path` and waits for everything it loads, without sitting out a fixed idle time per page (the
 * old `networkidle` wait: 500 ms of quiet, twice with JavaScript): its load event (images, styles,
 * scripts and frames in the markup) and, with JavaScript on, what comes later: the story's states (it
 * marks itself ready), lazy images and frames near the bottom (scrolled to); then fonts, and until no
 * request is in flight. A share page's meta refresh must go to this site, and is seen to fire, but the
 * story it leads to is checked once, as /. Returns what each of the page's documents says it fetched
 * (Resource Timing), a cross-check on the request events.
 */
async function loadFully(
	page: Page,
	origin: string,
	path: string,
	javaScriptEnabled: boolean,
	inFlight: Set<Request>
): Promise<string[]> {
	// A share page sends its reader on to the story with a meta refresh (read from the built file).
	const html = readFileSync(join(BUILD, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
	const target = /<meta http-equiv="refresh" content="[^"]*url=([^"]+)"/i.exec(html)?.[1];
	let refreshed: Promise<unknown> | undefined;
	if (target) {
		const story = new URL(target, new URL(path, origin));
		expect(story.origin, `${path} sends its reader on to this site`).toBe(origin);
		// The story itself is checked as /: the refresh is answered with 204 No Content, which leaves
		// the browser on the share page, rather than loading the story again for every step.
		const isStory = (url: URL) => url.href === new URL(story.pathname + story.search, story).href;
		await page.route(isStory, (route) => route.fulfill({ status: 204 }), { times: 1 });
		refreshed = page.waitForRequest((request) => isStory(new URL(request.url())), {
			timeout: 10_000
		});
	}
	await page.goto(path);
	await refreshed?.catch(() => {
		throw new Error(`${path} never sent its reader on to ${target}`);
	});
	const storyReady = await page.evaluate(async (javaScriptEnabled) => {
		const story = document.querySelector('section[data-scrolly]');
		if (javaScriptEnabled) {
			window.scrollTo(0, document.documentElement.scrollHeight);
			const frame = () => new Promise((done) => requestAnimationFrame(done));
			// Lazy images and frames start in the frames after the scroll.
			await frame();
			await frame();
			const deadline = performance.now() + 10_000;
			while (story && !story.classList.contains('is-ready') && performance.now() < deadline)
				await frame();
		}
		await document.fonts.ready;
		return !javaScriptEnabled || !story || story.classList.contains('is-ready');
	}, javaScriptEnabled);
	expect(storyReady, `${path}: the story fetched its states and is ready`).toBe(true);
	await expect
		.poll(() => inFlight.size, { message: `${path}: requests finish`, intervals: [20] })
		.toBe(0);
	const fetched: string[] = [];
	for (const frame of page.frames())
		fetched.push(
			...(await frame.evaluate(async () => {
				await document.fonts.ready;
				return performance.getEntriesByType('resource').map((entry) => entry.name);
			}))
		);
	return fetched;
}

for (const javaScriptEnabled of [true, false]) {
	for (const [group, pages] of PAGE_GROUPS.entries()) {
		test(`no page requests anything from another site, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, pages ${group * PAGES_PER_TEST + 1}–${group * PAGES_PER_TEST + pages.length} of ${PAGES.length}`, async ({
			browser,
			baseURL
		}) => {
			const context = await browser.newContext({ javaScriptEnabled, baseURL });
			const page = await context.newPage();
			const origin = new URL(baseURL!).origin;
			const requests: string[] = [];
			const violations: string[] = [];
			const inFlight = new Set<Request>();
			page.on('request', (req) => {
				requests.push(req.url());
				inFlight.add(req);
			});
			page.on('requestfinished', (req) => inFlight.delete(req));
			page.on('requestfailed', (req) => inFlight.delete(req));
			page.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
			});
			const offSite = (urls: string[]) =>
				urls.filter((url) => !/^(data|blob|about):/.test(url) && new URL(url).origin !== origin);
			for (const path of pages) {
				const fetched = await loadFully(page, origin, path, javaScriptEnabled, inFlight);
				expect.soft(offSite(fetched), `${path}: resources from another site`).toEqual([]);
			}
			await context.close();
			expect(requests.length).toBeGreaterThanOrEqual(pages.length);
			expect.soft(offSite(requests), 'requests to another site').toEqual([]);
			expect(violations, 'Content Security Policy violations').toEqual([]);
		});
	}
}

test('hashed assets are cached for a year and come precompressed', async ({ request }) => {
	const html = await (await request.get('/')).text();
	const asset = /(?:src|href)="(\/_app\/immutable\/[^"]+)"/.exec(html)?.[1];
	expect(asset, 'the story page links a hashed asset').toBeTruthy();
	const response = await request.get(asset!, { headers: { 'accept-encoding': 'br, gzip' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	const page = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
	expect(page.headers()['content-encoding']).toBe('br');
	expect(await page.text()).toContain('<html');
});

test('hostile request paths get a 4xx and the server keeps serving', async ({ baseURL }) => {
	for (const path of ['/..%2fpackage.json', '/%', '/%E0%A4%A', '/%00', '/../package.json']) {
		const status = await rawGet(baseURL!, path);
		expect(status, path).toBeGreaterThanOrEqual(400);
		expect(status, path).toBeLessThan(500);
	}
	expect(await rawGet(baseURL!, '/no-such-page/')).toBe(404);
	expect(await rawGet(baseURL!, '/_headers'), 'host config is not served').toBe(404);
	expect(await rawGet(baseURL!, '/')).toBe(200);
});
