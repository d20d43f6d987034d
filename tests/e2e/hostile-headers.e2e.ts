/**
 * What we serve, checked against the built site as `npm start` serves it: a Content Security Policy
 * on every page (and as a header), framing rules, no third-party requests with JavaScript on or off,
 * and hostile request paths answered with a 4xx while the server keeps going.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { expect, test } from '@playwright/test';

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

for (const javaScriptEnabled of [true, false]) {
	for (const [group, pages] of PAGE_GROUPS.entries()) {
		test(`no page requests anything from another site, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, pages ${group * PAGES_PER_TEST + 1}–${group * PAGES_PER_TEST + pages.length} of ${PAGES.length}`, async ({
			browser,
			baseURL
		}) => {
			const context = await browser.newContext({ javaScriptEnabled, baseURL });
			const page = await context.newPage();
			const requests: string[] = [];
			const violations: string[] = [];
			page.on('request', (req) => requests.push(req.url()));
			page.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
			});
			for (const path of pages) {
				await page.goto(path, { waitUntil: 'networkidle' });
				// Scroll through the story so anything loaded lazily is loaded too.
				if (javaScriptEnabled) {
					await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
					await page.waitForLoadState('networkidle');
				}
			}
			await context.close();
			expect(requests.length).toBeGreaterThanOrEqual(pages.length);
			const origin = new URL(baseURL!).origin;
			expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
			expect(violations).toEqual([]);
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
