import { count, day, optional, QUALIFIERS, oneOf, required, sources, text } from './columns';
import type { RowOf, TableSpec } from './table';

const columns = {
	label: required(text(), 'what was downloaded, e.g. Fury'),
	downloads: required(count(), 'a whole number of downloads, e.g. 1200000'),
	qualifier: required(oneOf(QUALIFIERS), `one of ${QUALIFIERS.join(', ')}`),
	as_of: required(day(), 'the day the figure was reported, YYYY-MM-DD'),
	note: optional(text(), 'anything a reader should know about the figure'),
	source: required(sources(), 'a URL, or the headline and date of the article')
};

export type DownloadRow = RowOf<typeof columns>;

export const downloadsSpec: TableSpec<typeof columns> = {
	columns,
	identity: [['label', 'as_of'], ['label']],
	summary: (row) =>
		`${row.label}: ${row.downloads.toLocaleString('en-GB')} downloads (${row.qualifier}), as of ${row.as_of}`
};
