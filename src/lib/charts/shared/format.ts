import { format } from 'd3-format';
import { utcFormat } from 'd3-time-format';
import type { Qualifier } from '../../schema/columns';
import type { FuzzyDate, Precision } from '../../schema/dates';

const withCommas = format(',');
const dayMonthYear = utcFormat('%-d %B %Y');
const dayMonth = utcFormat('%-d %B');
const monthYear = utcFormat('%B %Y');
const shortMonth = utcFormat('%b');
const monthName = utcFormat('%B');
const weekdayName = utcFormat('%A');

function toDate(day: string): Date {
	return new Date(`${day}T12:00:00Z`);
}

/** A count in words a reader can say aloud, keeping the source's hedge: "more than 1.2 million". */
export function countInWords(value: number, qualifier: Qualifier = 'exact'): string {
	const prefix =
		qualifier === 'at-least' ? 'more than ' : qualifier === 'approximate' ? 'about ' : '';
	return prefix + compactCount(value);
}

/** 1,200,000 → "1.2 million"; below a million, digits with separators. */
export function compactCount(value: number): string {
	if (value >= 1e6 && value % 1e5 === 0) return `${value / 1e6} million`;
	return withCommas(value);
}

/**
 * The same figure in the fewest characters, for a bar too short to hold the words: "more than 5.5m".
 * A lower bound rounds down, so it stays true; any other figure that rounding changes says "about".
 */
export function shortCountInWords(value: number, qualifier: Qualifier = 'exact'): string {
	const unit = value >= 1e6 ? 1e6 : value >= 1e4 ? 1e3 : 1;
	const tenths = (value / unit) * 10;
	const rounded = (qualifier === 'at-least' ? Math.floor(tenths) : Math.round(tenths)) / 10;
	const text = unit === 1 ? withCommas(value) : `${rounded}${unit === 1e6 ? 'm' : 'k'}`;
	const prefix =
		qualifier === 'at-least'
			? 'more than '
			: qualifier === 'approximate' || rounded * unit !== value
				? 'about '
				: '';
	return prefix + text;
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function fullCount(value: number): string {
	return withCommas(value);
}

/** Axis ticks: 0, 400k, 800k, 1.2m (the newsroom's short form). */
export function tickCount(value: number): string {
	if (value === 0) return '0';
	if (value >= 1e6) return `${format('~g')(value / 1e6)}m`;
	return `${format('~g')(value / 1e3)}k`;
}

export function dayInWords(day: string): string {
	return dayMonthYear(toDate(day));
}

const shortDay = utcFormat('%-d %b %Y');

/** "30 Nov 2014": for labels on a chart, where the full month would not fit a phone. */
export function dayShort(day: string): string {
	return shortDay(toDate(day));
}

/** A date as precisely as the source gave it, and visibly hedged when the sources are vague or disagree. */
export function fuzzyDateInWords(date: FuzzyDate, precision: Precision): string {
	if (precision === 'by') return `by ${dayMonthYear(toDate(date.end))}`;
	if (precision === 'window') return windowInWords(date);
	const hedge = precision === 'approximate' ? 'about ' : '';
	const [startText, endText] = date.text.split('/');
	if (endText !== undefined && startText !== undefined) {
		const sameMonth = date.start.slice(0, 7) === date.end.slice(0, 7);
		const start = toDate(date.start);
		const end = toDate(date.end);
		if (sameMonth && startText.length === 10 && endText.length === 10) {
			return `${start.getUTCDate()} or ${dayMonthYear(end)}`;
		}
		return `${dayMonth(start)} or ${dayMonthYear(end)}`;
	}
	if (date.text.length === 4) return `${hedge}${date.text}`;
	if (date.text.length === 7)
		return `${precision === 'approximate' ? 'around ' : ''}${monthYear(toDate(date.start))}`;
	return `${hedge}${dayMonthYear(toDate(date.start))}`;
}

/** The thirds of a month a source means by "early", "mid" and "late": days 1–10, 11–20, 21–end. */
const THIRDS = [
	{ word: 'early', first: 1, last: () => 10 },
	{ word: 'mid', first: 11, last: () => 20 },
	{ word: 'late', first: 21, last: (monthEnd: number) => monthEnd }
] as const;

/** A span in words: "early October 2010", "October 2010", else "between 1 and 15 October 2010". */
export function windowInWords(date: FuzzyDate): string {
	const start = toDate(date.start);
	const end = toDate(date.end);
	if (date.start.slice(0, 7) === date.end.slice(0, 7)) {
		const monthEnd = new Date(
			Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)
		).getUTCDate();
		const [first, last] = [start.getUTCDate(), end.getUTCDate()];
		if (first === 1 && last === monthEnd) return monthYear(start);
		const third = THIRDS.find((item) => item.first === first && item.last(monthEnd) === last);
		if (third) return `${third.word} ${monthYear(start)}`;
		return `between ${first} and ${dayMonthYear(end)}`;
	}
	const sameYear = date.start.slice(0, 4) === date.end.slice(0, 4);
	return `between ${sameYear ? dayMonth(start) : dayMonthYear(start)} and ${dayMonthYear(end)}`;
}

/** The short forms story copy uses for a date it has already named: "Sunday", "the 11th", "2011". */
export const DATE_FORMS = ['day', 'weekday', 'ordinal', 'day-month', 'month-year', 'year'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

export type Worded = { ok: true; text: string } | { ok: false; message: string };

function ordinal(day: number): string {
	const teen = day % 100 >= 11 && day % 100 <= 13;
	const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10];
	return `the ${day}${suffix ?? 'th'}`;
}

/**
 * A date in one of the short forms, keeping the source's hedge: a `by` date stays "by …", an
 * approximate day stays "about …". Forms that name a day need a single day; a month or window has none.
 */
export function dateFormInWords(date: FuzzyDate, precision: Precision, form: DateForm): Worded {
	const start = toDate(date.start);
	const single = date.start === date.end;
	const dayForm =
		form === 'day' || form === 'weekday' || form === 'ordinal' || form === 'day-month';
	if (dayForm && !single) {
		return {
			ok: false,
			message: `"${form}" needs a single day, but ${JSON.stringify(date.text)} spans ${fuzzyDateInWords(date, precision)}; use the full form or month-year`
		};
	}
	// A weekday is usually exactly what the source says ("Tuesday"); the day of the month is the inference.
	const hedged = dayForm && form !== 'weekday';
	const hedge = precision === 'by' ? 'by ' : precision === 'approximate' && hedged ? 'about ' : '';
	const words: Record<DateForm, () => string> = {
		day: () => String(start.getUTCDate()),
		weekday: () => weekdayName(start),
		ordinal: () => ordinal(start.getUTCDate()),
		'day-month': () => dayMonth(start),
		'month-year': () =>
			precision === 'window' ? windowInWords(date) : (sameMonthYear(date) ?? monthYearSpan(date)),
		year: () =>
			date.start.slice(0, 4) === date.end.slice(0, 4)
				? date.start.slice(0, 4)
				: `${date.start.slice(0, 4)} or ${date.end.slice(0, 4)}`
	};
	return { ok: true, text: hedge + words[form]() };
}

function sameMonthYear(date: FuzzyDate): string | undefined {
	return date.start.slice(0, 7) === date.end.slice(0, 7)
		? monthYear(toDate(date.start))
		: undefined;
}

function monthYearSpan(date: FuzzyDate): string {
	const start = toDate(date.start);
	const end = toDate(date.end);
	return date.start.slice(0, 4) === date.end.slice(0, 4)
		? `${monthName(start)} or ${monthYear(end)}`
		: `${monthYear(start)} or ${monthYear(end)}`;
}

export function monthTick(day: string): string {
	return shortMonth(toDate(day));
}
