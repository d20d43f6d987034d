import { describe, expect, it } from 'vitest';
import {
	heightMessages,
	isPymWidthRequest,
	isWordPressReady,
	readHeight,
	readTheme,
	wholeHeight,
	wordpressSecret
} from './protocol';

const sender = { childId: 'c1', id: 'downloads', src: 'https://x.example/embed/downloads/' };

describe('heightMessages', () => {
	it('sends one height in pym, Datawrapper, AMP and iframe.resize formats', () => {
		expect(heightMessages(555, sender)).toEqual([
			'pymxPYMxc1xPYMxheightxPYMx555',
			{ 'datawrapper-height': { downloads: 555 } },
			{ sentinel: 'amp', type: 'embed-size', height: 555 },
			'{"src":"https://x.example/embed/downloads/","context":"iframe.resize","height":555}'
		]);
	});

	it('every format reads back as the same height', () => {
		for (const message of heightMessages(917, sender)) expect(readHeight(message)).toBe(917);
	});
});

describe('wholeHeight', () => {
	it('rounds up, so a fractional content height never shows a 1 px scrollbar', () => {
		expect(wholeHeight(554.39)).toBe(555);
		expect(wholeHeight(555)).toBe(555);
		expect(wholeHeight(555.000001)).toBe(555);
	});
});

describe('readHeight', () => {
	it('ignores other messages, absurd heights and ambiguous Datawrapper maps', () => {
		for (const data of [
			'hello',
			'{"context":"other","height":5}',
			'{not json',
			{ sentinel: 'amp', type: 'embed-size', height: -1 },
			{ sentinel: 'amp', type: 'embed-size', height: 1e9 },
			{ sentinel: 'amp', type: 'embed-size', height: 10.5 },
			{ 'datawrapper-height': { a: 1, b: 2 } },
			null,
			42
		])
			expect(readHeight(data), JSON.stringify(data)).toBeUndefined();
	});
});

describe('isPymWidthRequest', () => {
	it("matches pym's width message for this child only", () => {
		expect(isPymWidthRequest('pymxPYMxc1xPYMxwidthxPYMx600', 'c1')).toBe(true);
		expect(isPymWidthRequest('pymxPYMxc2xPYMxwidthxPYMx600', 'c1')).toBe(false);
		expect(isPymWidthRequest({ width: 600 }, 'c1')).toBe(false);
	});
});

describe('WordPress', () => {
	it("adds wp-embed's height message, with the secret from the frame's URL", () => {
		const secret = wordpressSecret('#?secret=Ab3xY9kQ2z');
		expect(secret).toBe('Ab3xY9kQ2z');
		expect(heightMessages(640, { ...sender, secret })).toContainEqual({
			message: 'height',
			value: 640,
			secret: 'Ab3xY9kQ2z'
		});
	});

	it('takes no secret wp-embed.js would refuse, and answers only its own ready message', () => {
		expect(wordpressSecret('#?secret=a"b')).toBeUndefined();
		expect(wordpressSecret('')).toBeUndefined();
		expect(isWordPressReady({ message: 'ready', secret: 'abc' }, 'abc')).toBe(true);
		expect(isWordPressReady({ message: 'ready', secret: 'abd' }, 'abc')).toBe(false);
		expect(isWordPressReady({ message: 'ready', secret: 'abc' }, undefined)).toBe(false);
	});
});

describe('readTheme', () => {
	it('reads only a light or dark theme', () => {
		expect(readTheme({ 'piracy-theme': 'dark' })).toBe('dark');
		expect(readTheme({ 'piracy-theme': 'purple' })).toBeUndefined();
		expect(readTheme('dark')).toBeUndefined();
		expect(readTheme(null)).toBeUndefined();
	});
});
