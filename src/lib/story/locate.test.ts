import { describe, expect, it } from 'vitest';
import { locate, spanOf } from './locate';

const story = [
	'headline: A headline', // 1
	'dek: A dek', // 2
	'', // 3
	'[intro]', // 4
	'* First paragraph.', // 5
	'* Second paragraph.', // 6
	'[]', // 7
	'', // 8
	'[steps]', // 9
	'chart: timeline', // 10
	'zoom: all', // 11
	'text: Step one.', // 12
	'announce: One.', // 13
	'', // 14
	'chart: downloads', // 15
	'text: Step two,', // 16
	'over two lines.', // 17
	':end', // 18
	'announce: Two.', // 19
	'[]', // 20
	'', // 21
	'[method]', // 22
	'* How it was made.', // 23
	'[]' // 24
].join('\n');

describe('locate', () => {
	it('finds top-level keys', () => {
		expect(locate(story, { key: 'headline' })).toBe(1);
		expect(locate(story, { key: 'dek' })).toBe(2);
	});

	it('finds the items of simple lists by index', () => {
		expect(locate(story, { list: 'intro', index: 1 })).toBe(6);
		expect(locate(story, { list: 'method', index: 0 })).toBe(23);
	});

	it("finds a step's keys, a new step starting where its first key comes again", () => {
		expect(locate(story, { list: 'steps', index: 0, key: 'announce' })).toBe(13);
		expect(locate(story, { list: 'steps', index: 1, key: 'text' })).toBe(16);
		expect(locate(story, { list: 'steps', index: 1, key: 'announce' })).toBe(19);
	});

	it('finds the line of a phrase inside a value that runs to :end', () => {
		expect(spanOf(story, { list: 'steps', index: 1, key: 'text' })).toEqual({
			first: 16,
			last: 18
		});
		expect(locate(story, { list: 'steps', index: 1, key: 'text' }, 'two lines')).toBe(17);
	});

	it('says 0 for a place the file does not have', () => {
		expect(locate(story, { list: 'steps', index: 5, key: 'text' })).toBe(0);
		expect(locate(story, { key: 'byline' })).toBe(0);
	});
});
