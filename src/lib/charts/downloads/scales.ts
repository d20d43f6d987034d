import type { DownloadRow } from '../../schema/downloads';
import type { DownloadsState } from './state';

/**
 * Rows in the order a view draws them; every other row is kept in the DOM but hidden.
 * - `headline`: each label's latest reading (all of that day's readings if a label has several), so
 *   no label leaves the chart because another label got a newer one. Biggest first.
 * - `climb`: every reading of the label the view shows, oldest first.
 */
export function visibleRows(rows: readonly DownloadRow[], state: DownloadsState): DownloadRow[] {
	if (rows.length === 0) return [];
	if (state.view === 'climb') {
		const title = state.highlight[0] ?? rows[0]!.label;
		return rows
			.filter((row) => row.label === title)
			.sort((a, b) => a.as_of.localeCompare(b.as_of) || a.row - b.row);
	}
	const latest = new Map<string, string>();
	for (const row of rows) {
		const seen = latest.get(row.label);
		if (seen === undefined || row.as_of > seen) latest.set(row.label, row.as_of);
	}
	return rows
		.filter((row) => latest.get(row.label) === row.as_of)
		.sort((a, b) => b.downloads - a.downloads || a.row - b.row);
}

/** One domain for every view, so a bar's length means the same thing at every step. */
export function valueDomain(rows: readonly DownloadRow[]): [number, number] {
	const max = rows.reduce((m, row) => Math.max(m, row.downloads), 0);
	// Headroom past the longest bar leaves space for the "at least" arrow.
	return [0, max > 0 ? max * 1.1 : 1];
}
