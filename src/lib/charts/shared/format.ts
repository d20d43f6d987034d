import { format } from 'd3-format';
import { utcFormat } from 'd3-time-format';
import type { FuzzyDate } from '../../schema/dates';
import type { Precision, Qualifier } from '../../schema/columns';

const withCommas = format(',');
const dayMonthYear = utcFormat('%-d %B %Y');
const dayMonth = utcFormat('%-d %B');
const monthYear = utcFormat('%B %Y');
const shortMonth = utcFormat('%b');

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

/** A date as precisely as the source gave it, and visibly hedged when the sources are vague or disagree. */
export function fuzzyDateInWords(date: FuzzyDate, precision: Precision): string {
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

export function monthTick(day: string): string {
	return shortMonth(toDate(day));
}
