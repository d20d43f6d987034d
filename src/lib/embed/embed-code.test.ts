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
		phone: {
			src: 'https://g.example/piracy/snapshots/downloads-phone.png',
			width: 686,
			height: 980
		},
		alt: 'Bars: Fury "more than" 1.2 million',
		href: 'https://g.example/piracy/#step-12',
		caption: 'Source: Excipio. Data updated 4 December 2014.'
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

	it('leaves the pym div without an id, so pym.js gives each copy on a page its own', () => {
		expect(embedCodes(input).pym).not.toMatch(/<div[^>]* id=/);
	});

	it('gives phones the phone-width card through <picture>, with the alt escaped', () => {
		const { image } = embedCodes(input);
		expect(image).toMatch(
			/<picture><source media="\(max-width: 480px\)" srcset="[^"]*downloads-phone\.png" width="343" height="490">/
		);
		expect(image).toContain('alt="Bars: Fury &quot;more than&quot; 1.2 million"');
		expect(image).toMatch(/^<a href="https:\/\/g\.example\/piracy\/#step-12">/);
	});

	it('gives AMP an amp-iframe with a placeholder and an overflow button, and mail a captioned image', () => {
		const { amp, newsletter } = embedCodes(input);
		expect(amp).toMatch(/^<amp-iframe src="[^"]+" [^>]*resizable[^>]*>/);
		expect(amp).toContain('<amp-img placeholder layout="fill"');
		expect(amp).toContain('<button overflow type="button">');
		expect(amp).toContain('sandbox="allow-scripts');
		expect(newsletter).toContain('Source: Excipio. Data updated 4 December 2014.');
		expect(newsletter).toContain('href="https://g.example/piracy/#step-12"');
		expect(newsletter).not.toContain('<script');
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
