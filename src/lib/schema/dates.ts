/** A date as precise as the source is: a day, a month, a year, or an interval between two of them. */
export interface FuzzyDate {
	/** The cell as written (normalised), e.g. `2010-09`, `2010-09-24/2010-09-25`. */
	text: string;
	/** First day covered, `YYYY-MM-DD`. */
	start: string;
	/** Last day covered, `YYYY-MM-DD` (same as start for a single day). */
	end: string;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DateResult = { ok: true; date: FuzzyDate } | { ok: false; message: string };

/** Parses one ISO date of day, month or year resolution, checking that the day exists. */
function parseOne(text: string): DateResult {
	const match = ISO.exec(text);
	if (!match) return { ok: false, message: notIsoMessage(text) };
	const year = Number(match[1]);
	const month = match[2] === undefined ? undefined : Number(match[2]);
	const day = match[3] === undefined ? undefined : Number(match[3]);
	if (month !== undefined && (month < 1 || month > 12)) {
		return {
			ok: false,
			message: `${JSON.stringify(text)} has no month ${month}; months run 01–12`
		};
	}
	if (month !== undefined && day !== undefined) {
		const last = daysInMonth(year, month);
		if (day < 1 || day > last) {
			return {
				ok: false,
				message: `${JSON.stringify(text)} is not a real date: ${year}-${pad(month)} has ${last} days`
			};
		}
	}
	const start = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
	const end = `${year}-${pad(month ?? 12)}-${pad(day ?? daysInMonth(year, month ?? 12))}`;
	return { ok: true, date: { text, start, end } };
}

function notIsoMessage(text: string): string {
	const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	if (dmy) {
		const guess = `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
		return `${JSON.stringify(text)} is not an ISO date; write year-month-day, e.g. ${guess} if that is day/month/year`;
	}
	return `${JSON.stringify(text)} is not an ISO date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2014-12-04)`;
}

/** Parses a date or an ISO 8601 interval `start/end`, the way sources that disagree are written down. */
export function parseFuzzyDate(raw: string): DateResult {
	const text = raw.trim();
	const parts = text.split('/');
	if (parts.length > 2) return { ok: false, message: notIsoMessage(text) };
	const first = parseOne(parts[0]!.trim());
	if (!first.ok || parts.length === 1) return first;
	const second = parseOne(parts[1]!.trim());
	if (!second.ok) return second;
	if (second.date.end < first.date.start) {
		return { ok: false, message: `interval ${JSON.stringify(text)} ends before it starts` };
	}
	return {
		ok: true,
		date: {
			text: `${first.date.text}/${second.date.text}`,
			start: first.date.start,
			end: second.date.end
		}
	};
}

/** Milliseconds at noon UTC, so a day's mark never slips a day in any time zone. */
export function dayToTime(day: string): number {
	return Date.parse(`${day}T12:00:00Z`);
}

/**
 * How precisely the sources date something. `by`: known only as an upper bound (the cell is that day,
 * e.g. the date of the report that first mentions it). `window`: a span such as "early October 2010",
 * written as an interval of days. `approximate` with an interval means the sources disagree.
 */
export const PRECISIONS = ['day', 'month', 'year', 'approximate', 'by', 'window'] as const;
export type Precision = (typeof PRECISIONS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a date cell can carry its precision, as a message for the `precision` column if not. A `by`
 * needs one day (the bound); a `window` needs an interval of days; an interval otherwise means the
 * sources disagree, which is `approximate`.
 */
export function precisionProblem(date: FuzzyDate, precision: Precision): string | undefined {
	const [first, second] = date.text.split('/');
	if (precision === 'by' && !DAY.test(date.text)) {
		return `"by" needs the one day the event is known to have happened by, YYYY-MM-DD (e.g. 2014-12-04), not ${JSON.stringify(date.text)}`;
	}
	if (precision === 'window') {
		if (second === undefined || !DAY.test(first!) || !DAY.test(second)) {
			return `"window" needs a span of days, start/end (e.g. 2010-10-01/2010-10-10 for early October 2010), not ${JSON.stringify(date.text)}`;
		}
		if (date.start === date.end) {
			return `a window of one day is a day; set precision to "day", or widen the span`;
		}
		return undefined;
	}
	if (second !== undefined && precision !== 'approximate') {
		return `a date range means the sources disagree ("approximate") or give a span ("window"); set precision to one of them`;
	}
	return undefined;
}
