import { describe, expect, it } from 'vitest';
import { glyphs, pageBlocksHeight, textBlockHeight, wrapText } from './text-measure';

describe('wrapText', () => {
	it('breaks between words, never inside one', () => {
		expect(wrapText('one two three four', 10, 60, 0.6)).toEqual(['one two', 'three four']);
	});
});

describe('textBlockHeight', () => {
	const small = { px: 10, lineHeight: 15, space: 5 };
	it('stacks each text on its own lines, wrapped at the width, with the space above', () => {
		// At 10 px and 0.58 em, 60 px holds 10 characters a line.
		expect(textBlockHeight({ ...small, texts: ['one two'] }, 60)).toBe(5 + 15);
		expect(textBlockHeight({ ...small, texts: ['one two three four'] }, 60)).toBe(5 + 2 * 15);
		expect(textBlockHeight({ ...small, between: 4, texts: ['one', 'two'] }, 60)).toBe(
			5 + 2 * 15 + 4
		);
	});

	it('takes no room for no text', () => {
		expect(textBlockHeight({ ...small, texts: [] }, 60)).toBe(0);
		expect(textBlockHeight({ ...small, texts: ['  '] }, 60)).toBe(0);
	});

	it('flows side-by-side items into rows, each as wide as its longest line', () => {
		const key = { ...small, inline: 10, between: 2, texts: ['ab', 'cd', 'ef'] };
		// Each item is ~12 px wide: all three fit 100 px; at 30 px, one a row.
		expect(textBlockHeight(key, 100)).toBe(5 + 15);
		expect(textBlockHeight(key, 30)).toBe(5 + 3 * 15 + 2 * 2);
	});

	it('loses width to an indent', () => {
		const text = ['one two three'];
		expect(textBlockHeight({ ...small, texts: text, indent: 30 }, 90)).toBeGreaterThan(
			textBlockHeight({ ...small, texts: text }, 90)
		);
	});
});

describe('pageBlocksHeight', () => {
	it('adds the fixed heights to every block', () => {
		const block = { px: 10, lineHeight: 15, space: 5, texts: ['one'] };
		expect(pageBlocksHeight({ fixed: 100, texts: [block, block] }, 60)).toBe(140);
	});
});

describe('glyphs', () => {
	it('counts a wide East Asian character as two average glyphs', () => {
		expect(glyphs('abc')).toBe(3);
		expect(glyphs('東京')).toBe(4);
		expect(wrapText('東京東京 東京東京', 10, 60, 0.6)).toEqual(['東京東京', '東京東京']);
	});
});

describe('a word too long for its line', () => {
	it('takes the lines the page breaks it into', () => {
		// 10 glyphs a line at 10 px in 60 px: a 35-character address takes 4 lines.
		const block = { px: 10, lineHeight: 15, space: 0, texts: [`see ${'x'.repeat(35)}`] };
		expect(textBlockHeight(block, 60)).toBe(5 * 15);
	});
});
