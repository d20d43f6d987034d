import { describe, expect, it } from 'vitest';
import { parseCount } from './counts';

describe('parseCount', () => {
	it.each([
		['1200000', 1200000],
		[' 1200000 ', 1200000],
		['0', 0],
		['1,200,000', 1200000],
		['1 200 000', 1200000],
		['1\u00a0200\u00a0000', 1200000],
		['53', 53]
	])('reads %j as %d', (text, value) => {
		expect(parseCount(text)).toEqual({ ok: true, value });
	});

	it.each([
		['1.2m', '"1.2m" is not a whole number; did you mean 1200000?'],
		['1,2 million', '"1,2 million" is not a whole number; did you mean 1200000?'],
		['400k', '"400k" is not a whole number; did you mean 400000?'],
		['-5', `"-5" is negative; a count can't be below 0`],
		['12.5', '"12.5" has a fraction; a count must be a whole number like 1200000'],
		[
			'1.200.000',
			'"1.200.000" is ambiguous: dots between thousands read as a decimal point in English; write 1200000 or 1,200,000'
		],
		['1,20,000', '"1,20,000" is not a number; write digits only, e.g. 1200000'],
		['lots', '"lots" is not a number; write digits only, e.g. 1200000'],
		['99999999999999999', '"99999999999999999" is too large to be a count']
	])('refuses %j', (text, message) => {
		expect(parseCount(text)).toEqual({ ok: false, message });
	});
});
