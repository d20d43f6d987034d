import { describe, expect, it } from 'vitest';
import { checkRequestPath } from './request-path.js';

describe('checkRequestPath', () => {
	it('accepts ordinary page and asset paths, decoded and without the query', () => {
		expect(checkRequestPath('/')).toEqual({ ok: true, pathname: '/' });
		expect(checkRequestPath('/embed/downloads/?step=2#top')).toEqual({
			ok: true,
			pathname: '/embed/downloads/'
		});
		expect(checkRequestPath('/caf%C3%A9.svg')).toEqual({ ok: true, pathname: '/café.svg' });
	});

	it('rejects malformed percent-encoding instead of throwing', () => {
		for (const url of ['/%', '/%E0%A4%A', '/%zz']) {
			expect(checkRequestPath(url)).toMatchObject({ ok: false });
		}
	});

	it('rejects NUL bytes and parent-directory segments, however they are encoded', () => {
		for (const url of [
			'/%00',
			'/..%2fpackage.json',
			'/a/../../etc/passwd',
			'/%2e%2e/x',
			'/..%5cx'
		]) {
			expect(checkRequestPath(url)).toMatchObject({ ok: false });
		}
	});

	it('rejects targets that are not a path', () => {
		expect(checkRequestPath('*')).toMatchObject({ ok: false });
		expect(checkRequestPath('http://example.com/')).toMatchObject({ ok: false });
		expect(checkRequestPath(undefined)).toMatchObject({ ok: false });
	});

	it('still allows names that merely contain dots', () => {
		expect(checkRequestPath('/a..b/c...js')).toMatchObject({ ok: true });
	});
});
