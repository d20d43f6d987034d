import type { DownloadRow } from '../../schema/downloads';
import type { Callout } from '../shared/callout';
import { isolate } from '../shared/text';
import type { PageBlocks } from '../shared/text-measure';
import { asOfInWords, mixesMeasures } from './copy';
import { barLabel, figureInWords, needsMeta } from './describe';
import { plotHeight } from './layout';
import { visibleRows } from './scales';
import type { DownloadsState } from './state';

/* What the body says around the bars: the line above them, the key, and the notes under them. */

export function downloadsKicker(shown: readonly DownloadRow[], state: DownloadsState): string {
	return state.view === 'climb'
		? `Every reported figure for ${isolate(shown[0]?.label ?? '')}`
		: asOfInWords(shown);
}

export const BOUND_KEY = 'open end: a lower bound ("more than")';
export const MIXED_KEY =
	'These bars count different things; each is labelled with its measure and counter.';

/** The notes a state puts under the bars: each highlighted bar's note, headed by its figure. */
export function downloadsCallouts(shown: readonly DownloadRow[], state: DownloadsState): Callout[] {
	if (!state.notes) return [];
	return shown
		.filter((row) => state.highlight.includes(row.label) && row.note)
		.map((row) => ({
			key: `note-${row.row}`,
			heading: `${isolate(barLabel(row, state))}, ${figureInWords(row)}:`,
			text: row.note ?? ''
		}));
}

/** The body as its page stacks it outside the story (charts.css's sizes), for the no-script height. */
export function downloadsBlocks(rows: readonly DownloadRow[], state: DownloadsState): PageBlocks {
	const shown = visibleRows(rows, state);
	const small = { px: 12.8, lineHeight: 19.2, space: 9.6 };
	return {
		// The plot, and the data table's closed summary under it.
		fixed: plotHeight(shown.length, needsMeta(shown, state)) + 39,
		texts: [
			{ ...small, space: 4, texts: [downloadsKicker(shown, state)] },
			{ ...small, texts: [`▶ ${BOUND_KEY}`] },
			{ ...small, texts: mixesMeasures(shown) ? [MIXED_KEY] : [] },
			{
				px: 14,
				lineHeight: 21,
				space: 15.2,
				between: 5.6,
				indent: 30,
				texts: downloadsCallouts(shown, state).map((c) => `${c.heading} ${c.text} ${c.note ?? ''}`)
			}
		]
	};
}
