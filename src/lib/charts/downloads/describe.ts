import type { DownloadRow } from '../../schema/downloads';
import { countInWords, dayInWords, dayShort } from '../shared/format';
import { graphemesOf, isolate, shorten } from '../shared/text';
import { measureInWords, measuresInWords, mixesMeasures } from './copy';
import { META_PX } from './layout';
import { visibleRows } from './scales';
import type { DownloadsState } from './state';

/** How a bar is named: by label, or in the climb view by the day of the reading. */
export function barLabel(row: DownloadRow, state: DownloadsState): string {
	return state.view === 'climb' ? `${isolate(row.label)}, ${dayInWords(row.as_of)}` : row.label;
}

/**
 * The bar's second line, for what the name alone leaves out among the bars drawn together: what was
 * counted and by whom when they differ, and the day when the readings are not all of one day.
 */
export function barMeta(
	row: DownloadRow,
	shown: readonly DownloadRow[],
	state: DownloadsState
): string {
	const parts: string[] = [];
	if (mixesMeasures(shown) || new Set(shown.map((item) => item.counted_by)).size > 1)
		parts.push(`${measureInWords(row.measure)} (${isolate(row.counted_by)})`);
	if (state.view !== 'climb' && new Set(shown.map((item) => item.as_of)).size > 1)
		parts.push(`as of ${dayShort(row.as_of)}`);
	return parts.join(', ');
}

/**
 * The bar's second line as a narrow chart shows it, cut to `max` characters with its "as of" date kept
 * whole (the date is what tells readings of different days apart) and the measure before the counter:
 * the counter's name in brackets goes first, whole, rather than be cut to "(Exc…" (who counted is in
 * the table and the notes; what was counted must stay on the chart). When that cut anything, `full` is
 * the whole line, for a chart wide enough (charts.css), with the narrowest width it fits (`fitsAt`).
 */
export function metaLines(
	meta: string,
	max = 40
): { short: string; full: string; fitsAt: MetaWidth | undefined } {
	if (graphemesOf(meta).length <= max) return { short: isolate(meta), full: '', fitsAt: undefined };
	const at = meta.lastIndexOf(', as of ');
	const date = at > 0 ? meta.slice(at) : '';
	const what = at > 0 ? meta.slice(0, at) : meta;
	const room = Math.max(8, max - graphemesOf(date).length);
	const bare = what.replace(/\s*\([^()]*\)$/, '');
	const short = `${shorten(graphemesOf(what).length <= room ? what : bare, room)}${date}`;
	return { short, full: isolate(meta), fitsAt: metaWidth(meta) };
}

/** The chart widths (px) at which a bar's whole second line is shown, if it fits (charts.css). */
export const META_WIDTHS = [340, 400, 440] as const;
export type MetaWidth = (typeof META_WIDTHS)[number];

/**
 * The narrowest of META_WIDTHS that holds the whole line: its characters at META_PX with a generous
 * average glyph (0.58 em; the page's sans measures 0.52) and room for the bar's end. The widest holds
 * whatever is left.
 */
function metaWidth(meta: string): MetaWidth {
	const px = graphemesOf(meta.replace(/[\u2066-\u2069]/g, '')).length * META_PX * 0.58 + 8;
	return META_WIDTHS.find((width) => px <= width) ?? META_WIDTHS.at(-1)!;
}

/** Whether any bar in this view needs the second line. */
export function needsMeta(shown: readonly DownloadRow[], state: DownloadsState): boolean {
	return shown.some((row) => barMeta(row, shown, state) !== '');
}

/** A figure with its hedge and what it counts: "more than 888,000 unique downloaders". */
export function figureInWords(row: DownloadRow): string {
	return `${countInWords(row.downloads, row.qualifier)} ${measureInWords(row.measure)}`;
}

/** The one-sentence text alternative for the chart in this state; "more than" stays a lower bound. */
export function describeDownloads(rows: readonly DownloadRow[], state: DownloadsState): string {
	const shown = visibleRows(rows, state);
	if (shown.length === 0) return 'Bar chart of downloads: no data.';
	const what = measuresInWords(shown).toLowerCase();
	const mixed = mixesMeasures(shown) ? ', which count different things' : '';
	const parts = shown.map(
		(row) =>
			`${barLabel(row, state)}: ${figureInWords(row)} (counted by ${isolate(row.counted_by)}${
				state.view === 'climb' ? '' : `, as of ${dayInWords(row.as_of)}`
			})`
	);
	const lead =
		state.view === 'climb'
			? `Bar chart of every reported figure for ${isolate(shown[0]!.label)}${mixed}`
			: `Bar chart of ${what} of the leaked Sony films, the latest figure for each${mixed}`;
	return `${lead}. ${parts.join('; ')}.`;
}
