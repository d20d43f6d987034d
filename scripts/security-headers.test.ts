import { describe, expect, it } from 'vitest';
import { headersFor } from './security-headers.js';

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

	it('leaves page-only headers off scripts, images and data', () => {
		const headers = headersFor('/embed/downloads/data.csv', 'text/csv');
		expect(headers).not.toHaveProperty('Content-Security-Policy');
		expect(headers).not.toHaveProperty('X-Frame-Options');
		expect(headers).not.toHaveProperty('Referrer-Policy');
	});
});
