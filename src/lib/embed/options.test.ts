import { describe, expect, it } from 'vitest';
import { allOptions, optionsSegment, parseOptions, queryOptions } from './options';

describe('embed options', () => {
	it('give every option set one path segment that reads back as the same set', () => {
		const segments = allOptions().map(optionsSegment);
		expect(new Set(segments).size).toBe(segments.length);
		expect(segments).toContain('dark');
		expect(segments).toContain('light-plain-transparent');
		for (const options of allOptions())
			expect(parseOptions(optionsSegment(options))).toEqual(options);
	});

	it('refuse segments that name no option set, so a step number is never read as one', () => {
		for (const segment of ['', '12', 'plain-dark', 'auto', 'dark-dark'])
			expect(parseOptions(segment), segment).toBeUndefined();
	});
});

describe('queryOptions', () => {
	it('reads the theme and the two flags from the query, ignoring anything else', () => {
		const read = (query: string) => queryOptions(new URLSearchParams(query));
		expect(read('theme=dark&plain&transparent=1')).toEqual({
			theme: 'dark',
			plain: true,
			transparent: true
		});
		expect(read('theme=purple&plain=0&childId=x')).toEqual({});
		expect(read('')).toEqual({});
	});
});
