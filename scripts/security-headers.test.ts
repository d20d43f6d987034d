import { describe, expect, it } from 'vitest';
import {
	canonicalPolicy,
	headersFor,
	policyFromDirectives,
	policyFromMeta
} from './security-headers.js';

const HTML = 'text/html;charset=utf-8';

describe('headersFor', () => {
	it('lets browsers keep hashed app files for a year without asking again', () => {
		const headers = headersFor('/_app/immutable/entry/start.abc123.js', 'text/javascript');
		expect(headers['Cache-Control']).toBe('public, max-age=31536000, immutable');
	});

	it('makes browsers revalidate pages and unhashed files, so a new build shows at once', () => {
		expect(headersFor('/', HTML)['Cache-Control']).toBe('no-cache');
		expect(headersFor('/_app/version.json', 'application/json')['Cache-Control']).toBe('no-cache');
		expect(headersFor('/embed.js', 'text/javascript')['Cache-Control']).toBe('no-cache');
	});

	it('stops content sniffing on every response', () => {
		for (const [path, type] of [
			['/', HTML],
			['/favicon.svg', 'image/svg+xml'],
			['/_app/immutable/chunks/x.js', 'text/javascript']
		] as const) {
			expect(headersFor(path, type)['X-Content-Type-Options']).toBe('nosniff');
		}
	});

	it('refuses to be framed by other sites on story and editor pages', () => {
		for (const path of ['/', '/editor/', '/embed/', '/embed']) {
			const headers = headersFor(path, HTML);
			expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
			expect(headers['Content-Security-Policy']).toBe("frame-ancestors 'self'");
			expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
		}
	});

	it('lets any site frame embed pages, including their step pages', () => {
		for (const path of ['/embed/downloads/', '/embed/timeline', '/embed/isp-actions/3/']) {
			const headers = headersFor(path, HTML);
			expect(headers['Content-Security-Policy']).toBe('frame-ancestors *');
			expect(headers).not.toHaveProperty('X-Frame-Options');
		}
	});

	it('frames, refers and polices every file in a folder alike, so host configs stay one rule per folder', () => {
		const policy = "default-src 'self'";
		const page = headersFor('/embed/downloads/3/', HTML, policy);
		const data = headersFor('/embed/downloads/3/oembed.json', 'application/json', policy);
		expect(data).toEqual(page);
		expect(headersFor('/data/downloads.csv', 'text/csv', policy)['X-Frame-Options']).toBe(
			'SAMEORIGIN'
		);
	});
});

describe('page policies', () => {
	it('sends the page’s own policy as a header, with the framing rule a <meta> cannot carry', () => {
		const policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
		expect(headersFor('/editor/', HTML, policy)['Content-Security-Policy']).toBe(
			`${policy}; frame-ancestors 'self'`
		);
		expect(headersFor('/embed/timeline/3/', HTML, `${policy};`)['Content-Security-Policy']).toBe(
			`${policy}; frame-ancestors *`
		);
	});

	it('reads the policy SvelteKit wrote into a page', () => {
		const html = `<head><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-x='"></head>`;
		expect(policyFromMeta(html)).toBe("script-src 'self' 'sha256-x='");
		expect(policyFromMeta('<head></head>')).toBeUndefined();
	});

	it('writes svelte.config.js directives the way SvelteKit does, keywords quoted', () => {
		expect(
			policyFromDirectives({
				'default-src': ['self'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'script-src': ['self', 'sha256-abc=']
			})
		).toBe(
			"default-src 'self'; img-src 'self' data:; object-src 'none'; script-src 'self' 'sha256-abc='"
		);
	});
});

describe('canonicalPolicy', () => {
	it('gives one string for the same directives in any order', () => {
		const meta = "default-src 'self'; script-src 'self'; img-src 'self' data:";
		const config = "img-src 'self'  data:;script-src 'self'; default-src 'self';";
		expect(canonicalPolicy(meta)).toBe(canonicalPolicy(config));
		expect(canonicalPolicy(meta)).toBe(
			"default-src 'self'; img-src 'self' data:; script-src 'self'"
		);
	});
});
