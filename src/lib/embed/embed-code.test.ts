import { describe, expect, it } from 'vitest';
import { embedCodes } from './embed-code';
import { publicUrl, siteOrigin } from './site';

const input = {
	id: 'downloads',
	title: 'Fury "alone" & more',
	height: 640,
	src: 'https://g.example/piracy/embed/downloads/',
	loader: 'https://g.example/piracy/embed.js',
	image: {
		src: 'https://g.example/piracy/snapshots/downloads.png',
		width: 1200,
		height: 642,
		alt: 'Bars'
	}
};

describe('embedCodes', () => {
	it('gives a plain iframe with a no-script height, then the loader', () => {
		expect(embedCodes(input).iframe).toBe(
			'<iframe src="https://g.example/piracy/embed/downloads/" title="Fury &quot;alone&quot; &amp; more" ' +
				'loading="lazy" width="100%" height="640" style="border:0"></iframe>\n' +
				'<script src="https://g.example/piracy/embed.js" async></script>'
		);
	});

	it('gives pym.js and Datawrapper-style alternatives and a linked image', () => {
		const codes = embedCodes(input);
		expect(codes.pym).toContain('data-pym-src="https://g.example/piracy/embed/downloads/"');
		expect(codes.pym).toContain('<noscript><a href=');
		expect(codes.datawrapper).toContain('id="datawrapper-chart-downloads"');
		expect(codes.datawrapper).toContain('f[i].contentWindow===e.source');
		expect(codes.image).toContain('width="600" height="321"');
	});
});

describe('site URLs', () => {
	it('are root-relative with nothing configured', () => {
		expect(siteOrigin({})).toBe('');
		expect(publicUrl('/embed/downloads/', { origin: '', base: '' })).toBe('/embed/downloads/');
		expect(publicUrl('/embed.js', { origin: '', base: '/piracy' })).toBe('/piracy/embed.js');
	});

	it('are absolute from PUBLIC_SITE_URL, without doubling the base path', () => {
		const origin = siteOrigin({ PUBLIC_SITE_URL: 'https://g.example/' });
		expect(publicUrl('/embed/', { origin, base: '/piracy' })).toBe(
			'https://g.example/piracy/embed/'
		);
		const withBase = siteOrigin({ PUBLIC_SITE_URL: 'https://g.example/piracy' });
		expect(publicUrl('/embed/', { origin: withBase, base: '/piracy' })).toBe(
			'https://g.example/piracy/embed/'
		);
	});

	it('refuse a PUBLIC_SITE_URL that is not an http(s) URL, saying what to set', () => {
		expect(() => siteOrigin({ PUBLIC_SITE_URL: 'g.example' })).toThrow(/not a URL; set it to/);
		expect(() => siteOrigin({ PUBLIC_SITE_URL: 'ftp://g.example' })).toThrow(/https:\/\//);
	});
});
