import * as v from 'valibot';
import { parseFuzzyDate } from '../../schema/dates';
import type { DaySpan } from './time-axis';

/**
 * The camera of a time chart, written in the story file: `all` (every row), or a window of dates,
 * `2010-07/2011-01` or `2010-09-18/2010-10-06` (ISO year, month or day at either end, both included).
 */
export const ZoomSchema = v.optional(
	v.pipe(
		v.string(),
		v.trim(),
		v.check(
			(value) => value === 'all' || windowOf(value) !== undefined,
			(issue) =>
				`${JSON.stringify(issue.input)} is not a zoom; use all, or a window of dates such as 2010-07/2011-01 or 2010-09-18/2010-10-06`
		)
	),
	'all'
);

/** The days a zoom shows; undefined for `all`. */
export function windowOf(zoom: string): DaySpan | undefined {
	if (zoom === 'all' || !zoom.includes('/')) return undefined;
	const parsed = parseFuzzyDate(zoom);
	return parsed.ok ? { start: parsed.date.start, end: parsed.date.end } : undefined;
}
