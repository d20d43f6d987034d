import { describe, expect, it } from 'vitest';
import { splitChange } from './text-change';

describe('splitChange', () => {
	it('marks whole words only', () => {
		expect(
			splitChange('Fury at more than 1.2 million, and', 'Fury at more than 1.5 million, and')
		).toEqual({
			head: 'Fury at more than ',
			removed: '1.2',
			added: '1.5',
			tail: ' million, and'
		});
	});

	it('puts back together both sentences', () => {
		for (const [a, b] of [
			['', 'new'],
			['old', ''],
			['as of 4 December', 'as of 10 December'],
			['a b c', 'a c']
		]) {
			const split = splitChange(a!, b!);
			expect(split.head + split.removed + split.tail).toBe(a);
			expect(split.head + split.added + split.tail).toBe(b);
		}
	});
});
