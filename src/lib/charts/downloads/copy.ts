import type { DownloadRow, Measure } from '../../schema/downloads';
import { dayInWords, listInWords } from '../shared/format';

/**
 * Every word the chart says about what was counted and who counted it comes from the rows drawn:
 * title, description, notes, table headers and the text alternative. A new measure or counter in the
 * data changes them; nothing here names today's tracker.
 */

const MEASURE_WORDS: Record<Measure, { plural: string; title: string }> = {
	downloads: { plural: 'downloads', title: 'Downloads' },
	'unique-downloaders': { plural: 'unique downloaders', title: 'Unique downloaders' },
	'bittorrent-downloads': { plural: 'BitTorrent downloads', title: 'BitTorrent downloads' }
};

/** "unique downloaders": what one figure counts, as a reader would say it. */
export function measureInWords(measure: Measure): string {
	return MEASURE_WORDS[measure].plural;
}

function distinct<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

export function measuresOf(rows: readonly DownloadRow[]): Measure[] {
	return distinct(rows.map((row) => row.measure));
}

export function countersOf(rows: readonly DownloadRow[]): string[] {
	return distinct(rows.map((row) => row.counted_by));
}

/** Whether the rows count more than one thing, so each figure must carry its own measure. */
export function mixesMeasures(rows: readonly DownloadRow[]): boolean {
	return measuresOf(rows).length > 1;
}

/** "Downloads", or "Downloads, unique downloaders and BitTorrent downloads" when the rows mix them. */
export function measuresInWords(rows: readonly DownloadRow[]): string {
	const words = measuresOf(rows).map((measure, index) =>
		index === 0 ? MEASURE_WORDS[measure].title : MEASURE_WORDS[measure].plural
	);
	return listInWords(words) || 'Figures';
}

/** One figure's own label: "unique downloaders, Excipio" — what it counts and who counted. */
export function readingLabel(row: DownloadRow): string {
	return `${measureInWords(row.measure)}, counted by ${row.counted_by}`;
}

/** The chart's title, from the measures in its rows: "Downloads of the leaked Sony films". */
export function downloadsTitle(rows: readonly DownloadRow[]): string {
	return `${measuresInWords(rows)} of the leaked Sony films`;
}

/** The chart's one-line description, naming who counted. */
export function downloadsDescription(rows: readonly DownloadRow[]): string {
	const counters = countersOf(rows);
	const by = counters.length ? `, as counted by ${listInWords(counters)}` : '';
	const each = mixesMeasures(rows)
		? ' Each bar is labelled with what it counts and who counted it.'
		: '';
	return `${measuresInWords(rows)} reported after the Sony Pictures hack${by}.${each}`;
}

/**
 * The method note: who counted what, whether the figures mix measures, and the caveats the rows need
 * (lower bounds, round figures, combined labels).
 */
export function downloadsNotes(rows: readonly DownloadRow[]): string {
	if (rows.length === 0) return 'No figures yet.';
	const notes: string[] = [];
	const byCounter = countersOf(rows).map((counter) => {
		const measures = measuresOf(rows.filter((row) => row.counted_by === counter));
		return `${counter} (${listInWords(measures.map(measureInWords))})`;
	});
	notes.push(`Counted by ${listInWords(byCounter)}.`);
	if (mixesMeasures(rows)) {
		notes.push(
			'These are different measures, not one series: each bar is labelled with what it counts and who counted it.'
		);
	}
	if (rows.some((row) => row.qualifier === 'at-least'))
		notes.push('"More than" figures are lower bounds, drawn with an open end.');
	if (rows.some((row) => row.qualifier === 'approximate'))
		notes.push('"About" figures are round numbers as the source reported them.');
	const days = distinct(rows.map((row) => row.as_of));
	if (days.length > 1)
		notes.push(
			`Figures were reported on different days, from ${dayInWords(days.sort()[0]!)} to ${dayInWords(days.at(-1)!)}; each bar gives its own.`
		);
	return notes.join(' ');
}

/** The headline view's kicker: one "as of" when every bar shares it, else the span. */
export function asOfInWords(rows: readonly DownloadRow[]): string {
	const days = distinct(rows.map((row) => row.as_of)).sort();
	if (days.length === 0) return '';
	if (days.length === 1) return `As of ${dayInWords(days[0]!)}`;
	return `Latest figure for each, ${dayInWords(days[0]!)} to ${dayInWords(days.at(-1)!)}`;
}
