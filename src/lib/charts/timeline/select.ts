import type { TimelineRow } from '../../schema/timeline';
import { byDate, isInZoom } from '../shared/time-axis';
import type { TimelineState } from './state';

export type EventStatus = 'is-hl' | 'is-dim' | 'is-later' | 'is-hidden' | '';

export function isShown(row: TimelineRow, state: TimelineState): boolean {
	return isInZoom(row.date, state.zoom);
}

export function highlightedEvents(
	rows: readonly TimelineRow[],
	state: TimelineState
): TimelineRow[] {
	return rows
		.filter((row) => state.highlight.includes(row.date.text) && isShown(row, state))
		.sort(byDate);
}

export function eventStatus(
	row: TimelineRow,
	state: TimelineState,
	highlighted: Set<number>
): EventStatus {
	if (!isShown(row, state)) return 'is-hidden';
	if (highlighted.has(row.row)) return 'is-hl';
	if (state.until && row.date.start > state.until) return 'is-later';
	if (state.categories.length && !state.categories.includes(row.category)) return 'is-dim';
	if (highlighted.size > 0 && !state.categories.includes(row.category)) return 'is-dim';
	return '';
}
