import { describeTime } from '../shared/time-copy';
import { timelineLayout, type TimelineRows } from './model';
import type { TimelineState } from './state';

/** The one-sentence text alternative for the timeline in this state. */
export function describeTimeline(rows: TimelineRows, state: TimelineState): string {
	return describeTime(
		'Timeline of events and providers’ actions',
		timelineLayout(rows, state).layout,
		state.zoom
	);
}
