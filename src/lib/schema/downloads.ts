import { count, day, optional, QUALIFIERS, oneOf, required, sources, text } from './columns';
import type { RowOf, TableSpec } from './table';

/**
 * What a figure counts. Trackers report different things, and a chart must never draw them as one
 * series: downloads, unique downloaders (people, not files) and BitTorrent downloads only. Extend the
 * list only when a source reports another measure.
 */
export const MEASURES = ['downloads', 'unique-downloaders', 'bittorrent-downloads'] as const;
export type Measure = (typeof MEASURES)[number];

const columns = {
	label: required(text(), 'what was downloaded, e.g. Fury'),
	downloads: required(
		count(),
		'a whole number, e.g. 1200000; the measure column says what it counts'
	),
	qualifier: required(oneOf(QUALIFIERS), `one of ${QUALIFIERS.join(', ')}`),
	measure: required(oneOf(MEASURES), `what was counted: one of ${MEASURES.join(', ')}`),
	counted_by: required(text(), 'who counted it, e.g. Excipio or TorrentFreak'),
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
