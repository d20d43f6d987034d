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
