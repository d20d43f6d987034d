import type { IspActionRow } from '../../schema/isp-actions';
import type { TimelineRow } from '../../schema/timeline';
import { countInWords } from '../shared/format';
import { actionItems, eventItems, isExpanded, timeLanes } from '../shared/time-items';
import { layoutTime, type TimeItem } from '../shared/time-marks';
import type { TimelineState } from './state';

/** The story's one time chart draws the events and, in the providers' lane, what the providers did. */
export interface TimelineRows {
	timeline: readonly TimelineRow[];
	'isp-actions': readonly IspActionRow[];
}

export function timelineItems(rows: TimelineRows, state: TimelineState): TimeItem[] {
	return [
		...eventItems(rows.timeline, state),
		...actionItems(rows['isp-actions'], state, isExpanded(state))
	];
}

export function timelineLayout(rows: TimelineRows, state: TimelineState) {
	const items = timelineItems(rows, state);
	const lanes = timeLanes(rows.timeline, rows['isp-actions'], isExpanded(state));
	return { items, layout: layoutTime(items, lanes, state) };
}

/** Count and note of a row, whichever file it came from, for the table. */
export function timelineExtra(rows: TimelineRows) {
	const events = new Map(rows.timeline.map((row) => [`timeline:${row.row}`, row]));
	const actions = new Map(rows['isp-actions'].map((row) => [`isp-actions:${row.row}`, row]));
	return (item: TimeItem) => {
		const action = actions.get(item.key);
		if (action)
			return {
				count:
					action.count === undefined
						? ''
						: countInWords(action.count, action.count_qualifier ?? 'exact'),
				note: action.note ?? ''
			};
		return { note: events.get(item.key)?.note ?? '' };
	};
}
