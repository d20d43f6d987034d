import { describe, expect, it } from 'vitest';
import { dayToTime, parseFuzzyDate } from './dates';

describe('parseFuzzyDate', () => {
	it('reads a day as a one-day span', () => {
		expect(parseFuzzyDate('2010-09-20')).toEqual({
			ok: true,
			date: { text: '2010-09-20', start: '2010-09-20', end: '2010-09-20' }
		});
	});

	it('reads a month as its first to last day, leap years included', () => {
		expect(parseFuzzyDate('2010-10')).toEqual({
			ok: true,
			date: { text: '2010-10', start: '2010-10-01', end: '2010-10-31' }
		});
		expect(parseFuzzyDate('2012-02')).toMatchObject({ ok: true, date: { end: '2012-02-29' } });
	});

	it('reads a year as 1 January to 31 December', () => {
		expect(parseFuzzyDate(' 2014 ')).toEqual({
			ok: true,
			date: { text: '2014', start: '2014-01-01', end: '2014-12-31' }
		});
	});

	it('reads an interval from the start of its first date to the end of its last', () => {
		expect(parseFuzzyDate('2010-09-24/2010-09-25')).toEqual({
			ok: true,
			date: { text: '2010-09-24/2010-09-25', start: '2010-09-24', end: '2010-09-25' }
		});
		expect(parseFuzzyDate('2010-10 / 2011-01')).toEqual({
			ok: true,
			date: { text: '2010-10/2011-01', start: '2010-10-01', end: '2011-01-31' }
		});
	});

	it('refuses an interval that ends before it starts', () => {
		expect(parseFuzzyDate('2010-09-25/2010-09-24')).toEqual({
			ok: false,
			message: 'interval "2010-09-25/2010-09-24" ends before it starts'
		});
	});

	it('refuses days and months that do not exist', () => {
		expect(parseFuzzyDate('2014-02-30')).toEqual({
			ok: false,
			message: '"2014-02-30" is not a real date: 2014-02 has 28 days'
		});
		expect(parseFuzzyDate('2014-13')).toEqual({
			ok: false,
			message: '"2014-13" has no month 13; months run 01–12'
		});
	});

	it('refuses non-ISO dates with a hint at the ISO form', () => {
		expect(parseFuzzyDate('04/12/2014')).toEqual({
			ok: false,
			message:
				'"04/12/2014" is not an ISO date; write year-month-day, e.g. 2014-12-04 if that is day/month/year'
		});
		expect(parseFuzzyDate('4 December 2014')).toEqual({
			ok: false,
			message:
				'"4 December 2014" is not an ISO date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2014-12-04)'
		});
	});

	it('refuses the second half of a bad interval', () => {
		expect(parseFuzzyDate('2010-09-24/2010-09-31')).toEqual({
			ok: false,
			message: '"2010-09-31" is not a real date: 2010-09 has 30 days'
		});
	});
});

describe('dayToTime', () => {
	it('places a day at noon UTC so it never slips a day', () => {
		expect(new Date(dayToTime('2014-12-04')).toISOString()).toBe('2014-12-04T12:00:00.000Z');
	});
});
