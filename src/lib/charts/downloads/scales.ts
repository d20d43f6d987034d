import type { DownloadRow } from '../../schema/downloads';
import type { DownloadsState } from './state';

/** Rows in the order a view draws them; every other row is kept in the DOM but hidden. */
export function visibleRows(rows: readonly DownloadRow[], state: DownloadsState): DownloadRow[] {
	if (rows.length === 0) return [];
	if (state.view === 'climb') {
		const title = state.highlight[0] ?? rows[0]!.label;
		return rows.filter((row) => row.label === title).sort((a, b) => a.as_of.localeCompare(b.as_of));
	}
	const latest = rows.reduce((max, row) => (row.as_of > max ? row.as_of : max), '');
	return rows.filter((row) => row.as_of === latest).sort((a, b) => b.downloads - a.downloads);
}

/** One domain for every view, so a bar's length means the same thing at every step. */
export function valueDomain(rows: readonly DownloadRow[]): [number, number] {
	const max = rows.reduce((m, row) => Math.max(m, row.downloads), 0);
	// Headroom past the longest bar leaves space for the "at least" arrow.
	return [0, max > 0 ? max * 1.1 : 1];
}
