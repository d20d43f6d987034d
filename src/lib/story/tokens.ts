import type { DatasetRows } from '../schema/datasets';
import type { FuzzyDate, Precision } from '../schema/dates';
import * as v from 'valibot';
import { measureInWords } from '../charts/downloads/copy';
import { ispActionsLayout } from '../charts/isp-actions/model';
import { IspActionsState } from '../charts/isp-actions/state';
import { BREAK_DAYS, skippedInProse, type TimeSegment } from '../charts/shared/time-axis';
import { timelineLayout } from '../charts/timeline/model';
import { TimelineState } from '../charts/timeline/state';
import {
	countInWords,
	dateFormInWords,
	DATE_FORMS,
	dayInWords,
	fuzzyDateInWords,
	listInWords,
	type DateForm
} from '../charts/shared/format';

/**
 * Figures and dates in the story copy are never typed in by hand: each is a token filled from a CSV
 * row, so an editor's new figure reaches the prose as well as the chart, and a token that matches no
 * row is an error.
 *
 * - `{downloads:Fury}` the latest reading for a label ("more than 1.2 million"); `{downloads:Fury@2014-11-30}`
 *   the reading of that day; `|measure` ("unique downloaders"), `|counted-by` ("Excipio"), `|as-of`.
 * - `{isp-actions:blocked-sites}` the count of the first row with that action; `|date` its date in words.
 * - `{date:2010-09-20}` a date of a timeline, isp-actions or downloads row, in words and hedged as the
 *   row says. A day that is one end of a row's "sources disagree" interval names what that source says.
 * - `{gaps:timeline}` (or `isp-actions`) the stretches the chart's whole view skips because no row falls
 *   in them, as its axis computes them: "between February 2011 and October 2014", or "none longer than
 *   six months". Copy that says where the sources are silent stays true when an editor fills a gap.
 * - Short forms after `|`, for a date already named: `day` (25), `weekday` (Sunday), `ordinal` (the 11th),
 *   `day-month` (25 September), `month-year` (January 2011), `year` (2011).
 */
export type TokenResult = { ok: true; text: string } | { ok: false; message: string };

export const TOKEN = /\{([a-z-]+):([^{}]+)\}/g;

export function fillTokens(text: string, rows: DatasetRows): { text: string; problems: string[] } {
	const problems: string[] = [];
	const filled = text.replace(TOKEN, (whole, kind: string, body: string) => {
		const [arg, form, ...rest] = body.split('|').map((part) => part.trim());
		const result = rest.length
			? { ok: false as const, message: 'a token takes at most one form after "|"' }
			: resolve(kind, arg!, form, rows);
		if (result.ok) return result.text;
		problems.push(`${whole}: ${result.message}`);
		return whole;
	});
	return { text: filled, problems };
}

const DOWNLOAD_FORMS = ['measure', 'counted-by', 'as-of'] as const;

function unknownForm(form: string, allowed: readonly string[]): TokenResult {
	return { ok: false, message: `unknown form "${form}"; use one of: ${allowed.join(', ')}` };
}

function isDateForm(form: string): form is DateForm {
	return (DATE_FORMS as readonly string[]).includes(form);
}

function dateInWords(date: FuzzyDate, precision: Precision, form: string | undefined): TokenResult {
	if (form === undefined || form === 'date')
		return { ok: true, text: fuzzyDateInWords(date, precision) };
	if (!isDateForm(form)) return unknownForm(form, DATE_FORMS);
	return dateFormInWords(date, precision, form);
}

function resolve(
	kind: string,
	arg: string,
	form: string | undefined,
	rows: DatasetRows
): TokenResult {
	if (kind === 'downloads') {
		const [label, asOf] = arg.split('@').map((part) => part.trim());
		const matching = rows.downloads.filter(
			(row) =>
				row.label.toLowerCase().includes(label!.toLowerCase()) && (!asOf || row.as_of === asOf)
		);
		const latest = matching.sort((a, b) => b.as_of.localeCompare(a.as_of))[0];
		if (!latest) return { ok: false, message: `no row in data/downloads.csv matches "${arg}"` };
		if (form === undefined)
			return { ok: true, text: countInWords(latest.downloads, latest.qualifier) };
		if (form === 'measure') return { ok: true, text: measureInWords(latest.measure) };
		if (form === 'counted-by') return { ok: true, text: latest.counted_by };
		if (form === 'as-of') return { ok: true, text: dayInWords(latest.as_of) };
		return unknownForm(form, DOWNLOAD_FORMS);
	}
	if (kind === 'isp-actions') {
		if (form !== undefined) {
			const row = rows['isp-actions'].find((item) => item.action === arg);
			if (!row) return { ok: false, message: `no row in data/isp-actions.csv has action "${arg}"` };
			return dateInWords(row.date, row.precision, form);
		}
		const row = rows['isp-actions'].find((item) => item.action === arg && item.count !== undefined);
		if (!row)
			return {
				ok: false,
				message: `no row in data/isp-actions.csv has action "${arg}" and a count`
			};
		return { ok: true, text: countInWords(row.count!, row.count_qualifier ?? 'exact') };
	}
	if (kind === 'date') {
		const dated = datedRows(rows);
		const row = dated.find((item) => item.date.text === arg);
		if (row) return dateInWords(row.date, row.precision, form);
		// One end of an interval the sources disagree on is the day one of them gives: no hedge.
		const end = dated.find(
			(item) => item.date.text.includes('/') && item.date.text.split('/').includes(arg)
		);
		if (end && /^\d{4}-\d{2}-\d{2}$/.test(arg))
			return dateInWords({ text: arg, start: arg, end: arg }, 'day', form);
		return {
			ok: false,
			message: `no row in data/timeline.csv, data/isp-actions.csv or data/downloads.csv has the date "${arg}"`
		};
	}
	if (kind === 'gaps') {
		if (form !== undefined) return { ok: false, message: '"gaps" takes no form after "|"' };
		if (arg === 'timeline')
			return {
				ok: true,
				text: gapsInProse(timelineLayout(rows, v.parse(TimelineState, {})).layout.segments)
			};
		if (arg === 'isp-actions')
			return {
				ok: true,
				text: gapsInProse(
					ispActionsLayout(rows['isp-actions'], v.parse(IspActionsState, {})).layout.segments
				)
			};
		return {
			ok: false,
			message: `"gaps" names a time chart: timeline or isp-actions, not "${arg}"`
		};
	}
	return { ok: false, message: `unknown kind "${kind}"; use downloads, isp-actions, date or gaps` };
}

function gapsInProse(segments: readonly TimeSegment[]): string {
	const gaps = segments.slice(1).map((segment, index) => skippedInProse(segments[index]!, segment));
	if (gaps.length === 0) return `none longer than ${Math.round(BREAK_DAYS / 30.5)} months`;
	return listInWords(gaps);
}

/** Every dated row a date token may name, timeline first (its events are what the story narrates). */
function datedRows(rows: DatasetRows): { date: FuzzyDate; precision: Precision }[] {
	return [
		...rows.timeline,
		...rows['isp-actions'],
		...rows.downloads.map((row) => ({
			date: { text: row.as_of, start: row.as_of, end: row.as_of },
			precision: 'day' as const
		}))
	];
}
