import { fuzzyDate, oneOf, optional, PRECISIONS, required, sources, text } from './columns';
import { precisionProblem } from './dates';
import type { RowOf, TableSpec } from './table';

export const CATEGORIES = ['attack', 'leak', 'court', 'isp', 'politics'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The story's span; an event outside it may be right, but an editor should look twice. */
export const STORY_YEARS = { first: 2010, last: 2014 } as const;

const columns = {
	date: required(fuzzyDate(), 'YYYY-MM-DD, YYYY-MM, YYYY, or start/end when sources disagree'),
	precision: required(oneOf(PRECISIONS), `one of ${PRECISIONS.join(', ')}`),
	event: required(text(), 'what happened, in one sentence'),
	category: required(oneOf(CATEGORIES), `one of ${CATEGORIES.join(', ')}`),
	note: optional(text(), 'where sources disagree, say so here'),
	source: required(sources(), 'a URL, or the headline and date of the article')
};

export type TimelineRow = RowOf<typeof columns>;

export const timelineSpec: TableSpec<typeof columns> = {
	columns,
	identity: [['date', 'event'], ['event'], ['date']],
	summary: (row) => `${row.date.text} (${row.category}): ${row.event}`,
	checkRow(row, report) {
		const start = Number(row.date.start.slice(0, 4));
		const end = Number(row.date.end.slice(0, 4));
		if (start < STORY_YEARS.first || end > STORY_YEARS.last) {
			report(
				'date',
				`${JSON.stringify(row.date.text)} is outside ${STORY_YEARS.first}–${STORY_YEARS.last}, the years this timeline covers; check the year`,
				'warning'
			);
		}
		const problem = precisionProblem(row.date, row.precision);
		if (problem) report('precision', problem);
	}
};
