import { describe, expect, it } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../schema/dates';
import {
	compactCount,
	countInWords,
	shortCountInWords,
	dateFormInWords,
	dayInWords,
	fullCount,
	fuzzyDateInWords,
	tickCount,
	windowInWords
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

describe('dates known only as an upper bound or a span', () => {
	it('says "by" for a date known only as an upper bound', () => {
		expect(fuzzyDateInWords(date('2014-12-04'), 'by')).toBe('by 4 December 2014');
	});

	it('names the thirds of a month: early = 1–10, mid = 11–20, late = 21 to the end', () => {
		expect(fuzzyDateInWords(date('2010-10-01/2010-10-10'), 'window')).toBe('early October 2010');
		expect(windowInWords(date('2010-10-11/2010-10-20'))).toBe('mid October 2010');
		expect(windowInWords(date('2010-08-21/2010-08-31'))).toBe('late August 2010');
		expect(windowInWords(date('2012-02-21/2012-02-29'))).toBe('late February 2012');
	});

	it('says a whole month as the month, and any other span as its two ends', () => {
		expect(windowInWords(date('2010-10-01/2010-10-31'))).toBe('October 2010');
		expect(windowInWords(date('2010-10-01/2010-10-15'))).toBe('between 1 and 15 October 2010');
		expect(windowInWords(date('2010-09-28/2010-10-05'))).toBe(
			'between 28 September and 5 October 2010'
		);
		expect(windowInWords(date('2010-12-28/2011-01-05'))).toBe(
			'between 28 December 2010 and 5 January 2011'
		);
	});
});

describe('dateFormInWords', () => {
	const form = (
		text: string,
		precision: Parameters<typeof dateFormInWords>[1],
		f: Parameters<typeof dateFormInWords>[2]
	) => {
		const result = dateFormInWords(date(text), precision, f);
		return result.ok ? result.text : result.message;
	};

	it('renders the short forms of a day', () => {
		expect(form('2010-10-03', 'day', 'day')).toBe('3');
		expect(form('2010-10-03', 'day', 'weekday')).toBe('Sunday');
		expect(form('2011-01-11', 'day', 'ordinal')).toBe('the 11th');
		expect(form('2011-01-02', 'day', 'ordinal')).toBe('the 2nd');
		expect(form('2011-01-23', 'day', 'ordinal')).toBe('the 23rd');
		expect(form('2011-01-13', 'day', 'ordinal')).toBe('the 13th');
		expect(form('2010-09-25', 'day', 'day-month')).toBe('25 September');
		expect(form('2011-01-11', 'day', 'month-year')).toBe('January 2011');
		expect(form('2011-01-11', 'day', 'year')).toBe('2011');
	});

	it('keeps the hedge of a "by" date and of an approximate day', () => {
		expect(form('2014-12-04', 'by', 'day-month')).toBe('by 4 December');
		expect(form('2010-09-21', 'approximate', 'day-month')).toBe('about 21 September');
		// The weekday is usually what the source itself says.
		expect(form('2010-09-21', 'approximate', 'weekday')).toBe('Tuesday');
	});

	it('words the month or year of a span', () => {
		expect(form('2010-10-01/2010-10-10', 'window', 'month-year')).toBe('early October 2010');
		expect(form('2011-01-11/2011-01-12', 'approximate', 'month-year')).toBe('January 2011');
		expect(form('2010-12-31/2011-01-01', 'approximate', 'year')).toBe('2010 or 2011');
	});

	it('refuses a day form for a span', () => {
		expect(form('2010-10', 'month', 'ordinal')).toBe(
			'"ordinal" needs a single day, but "2010-10" spans October 2010; use the full form or month-year'
		);
	});
});

describe('shortCountInWords', () => {
	it('keeps a lower bound true by rounding it down', () => {
		expect(shortCountInWords(5_504_994, 'at-least')).toBe('more than 5.5m');
		expect(shortCountInWords(1_299_999, 'at-least')).toBe('more than 1.2m');
	});

	it('says "about" when rounding changes an exact figure, and not when it does not', () => {
		expect(shortCountInWords(5_504_994, 'exact')).toBe('about 5.5m');
		expect(shortCountInWords(400_000, 'exact')).toBe('400k');
		expect(shortCountInWords(888_000, 'approximate')).toBe('about 888k');
		expect(shortCountInWords(1_234, 'exact')).toBe('1,234');
	});
});
