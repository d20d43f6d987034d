import { describe, expect, it } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../schema/dates';
import {
	compactCount,
	countInWords,
	dayInWords,
	fullCount,
	fuzzyDateInWords,
	tickCount
} from './format';

function date(text: string): FuzzyDate {
	const result = parseFuzzyDate(text);
	if (!result.ok) throw new Error(result.message);
	return result.date;
}

describe('countInWords', () => {
	it('keeps the source hedge on a figure', () => {
		expect(countInWords(1200000, 'at-least')).toBe('more than 1.2 million');
		expect(countInWords(400000, 'exact')).toBe('400,000');
		expect(countInWords(20000, 'approximate')).toBe('about 20,000');
		expect(countInWords(53)).toBe('53');
	});

	it('only rounds to "million" when nothing is lost', () => {
		expect(compactCount(1000000)).toBe('1 million');
		expect(compactCount(1250000)).toBe('1,250,000');
		expect(fullCount(1200000)).toBe('1,200,000');
	});
});

describe('tickCount', () => {
	it('uses the short newsroom form on axes', () => {
		expect([0, 400000, 800000, 1200000].map(tickCount)).toEqual(['0', '400k', '800k', '1.2m']);
	});
});

describe('fuzzyDateInWords', () => {
	it('says a day in full', () => {
		expect(fuzzyDateInWords(date('2010-09-20'), 'day')).toBe('20 September 2010');
		expect(dayInWords('2014-12-04')).toBe('4 December 2014');
	});

	it('hedges an approximate day or month', () => {
		expect(fuzzyDateInWords(date('2010-09-21'), 'approximate')).toBe('about 21 September 2010');
		expect(fuzzyDateInWords(date('2010-10'), 'approximate')).toBe('around October 2010');
		expect(fuzzyDateInWords(date('2010-07'), 'month')).toBe('July 2010');
		expect(fuzzyDateInWords(date('2010'), 'approximate')).toBe('about 2010');
	});

	it('names both days when sources disagree', () => {
		expect(fuzzyDateInWords(date('2010-09-24/2010-09-25'), 'approximate')).toBe(
			'24 or 25 September 2010'
		);
		expect(fuzzyDateInWords(date('2010-09-30/2010-10-01'), 'approximate')).toBe(
			'30 September or 1 October 2010'
		);
	});
});
