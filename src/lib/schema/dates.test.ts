import { describe, expect, it } from 'vitest';
import { dayToTime, parseFuzzyDate, precisionProblem, type FuzzyDate } from './dates';

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

describe('precisionProblem', () => {
	const date = (text: string): FuzzyDate => {
		const result = parseFuzzyDate(text);
		if (!result.ok) throw new Error(result.message);
		return result.date;
	};

	it('accepts each precision on the kind of cell it describes', () => {
		expect(precisionProblem(date('2014-12-04'), 'by')).toBeUndefined();
		expect(precisionProblem(date('2010-10-01/2010-10-10'), 'window')).toBeUndefined();
		expect(precisionProblem(date('2010-09-24/2010-09-25'), 'approximate')).toBeUndefined();
		expect(precisionProblem(date('2010-07'), 'month')).toBeUndefined();
	});

	it('asks for one day when a date is known only as an upper bound', () => {
		expect(precisionProblem(date('2014-12'), 'by')).toBe(
			'"by" needs the one day the event is known to have happened by, YYYY-MM-DD (e.g. 2014-12-04), not "2014-12"'
		);
	});

	it('asks for a span of days for a window', () => {
		expect(precisionProblem(date('2010-10'), 'window')).toBe(
			'"window" needs a span of days, start/end (e.g. 2010-10-01/2010-10-10 for early October 2010), not "2010-10"'
		);
		expect(precisionProblem(date('2010-10-01/2010-10-01'), 'window')).toBe(
			'a window of one day is a day; set precision to "day", or widen the span'
		);
	});

	it('refuses a range with a precision that cannot describe one', () => {
		expect(precisionProblem(date('2010-09-24/2010-09-25'), 'day')).toBe(
			'a date range means the sources disagree ("approximate") or give a span ("window"); set precision to one of them'
		);
	});
});
