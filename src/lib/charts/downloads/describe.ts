import type { DownloadRow } from '../../schema/downloads';
import { countInWords, dayInWords } from '../shared/format';
import { isolate } from '../shared/text';
import { visibleRows } from './scales';
import type { DownloadsState } from './state';

/** How a bar is named: by title, or in the climb view by the day of the reading. */
export function barLabel(row: DownloadRow, state: DownloadsState): string {
	return state.view === 'climb' ? `${isolate(row.label)}, ${dayInWords(row.as_of)}` : row.label;
}

/** The one-sentence text alternative for the chart in this state; "more than" stays a lower bound. */
export function describeDownloads(rows: readonly DownloadRow[], state: DownloadsState): string {
	const shown = visibleRows(rows, state);
	if (shown.length === 0) return 'Bar chart of downloads: no data.';
	const parts = shown.map(
		(row) => `${barLabel(row, state)}: ${countInWords(row.downloads, row.qualifier)}`
	);
	const lead =
		state.view === 'climb'
			? `Bar chart of the reported downloads of ${shown[0]!.label} over time`
			: `Bar chart of downloads of the leaked Sony films as of ${dayInWords(shown[0]!.as_of)}`;
	return `${lead}. ${parts.join('; ')}.`;
}
