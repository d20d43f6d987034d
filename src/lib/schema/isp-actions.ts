import {
	count,
	fuzzyDate,
	oneOf,
	optional,
	PRECISIONS,
	QUALIFIERS,
	required,
	sources,
	text
} from './columns';
import { precisionProblem } from './dates';
import type { RowOf, TableSpec } from './table';

/** Ordered from co-operating with rights holders to resisting them, then blocking. */
export const ACTIONS = [
	'disclosed-subscribers',
	'agreed-to-disclose',
	'suspended-disclosures',
	'refused-disclosure',
	'sought-suspension',
	'deleted-records',
	'blocked-sites'
] as const;
export type Action = (typeof ACTIONS)[number];

const columns = {
	date: required(fuzzyDate(), 'YYYY-MM-DD, YYYY-MM, YYYY, or start/end when sources disagree'),
	precision: required(oneOf(PRECISIONS), `one of ${PRECISIONS.join(', ')}`),
	isp: required(text(), 'the internet provider, e.g. BT'),
	action: required(oneOf(ACTIONS), `one of ${ACTIONS.join(', ')}`),
	detail: required(text(), 'what the provider did, in one sentence'),
	count: optional(count(), 'a whole number, when the source gives one'),
	count_qualifier: optional(oneOf(QUALIFIERS), `one of ${QUALIFIERS.join(', ')}`),
	note: optional(text(), 'where sources disagree, say so here'),
	source: required(sources(), 'a URL, or the headline and date of the article')
};

export type IspActionRow = RowOf<typeof columns>;

export const ispActionsSpec: TableSpec<typeof columns> = {
	columns,
	identity: [
		['date', 'isp', 'action'],
		['isp', 'action'],
		['isp', 'detail']
	],
	summary: (row) =>
		`${row.date.text} ${row.isp}: ${row.action}${row.count === undefined ? '' : `, count ${row.count.toLocaleString('en-GB')}`}`,
	checkRow(row, report) {
		const problem = precisionProblem(row.date, row.precision);
		if (problem) report('precision', problem);
		if (row.count_qualifier !== undefined && row.count === undefined) {
			report(
				'count_qualifier',
				'there is a qualifier but no count; fill in count or clear this cell'
			);
		}
	}
};
