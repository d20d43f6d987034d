import type { IspActionRow } from '../../schema/isp-actions';
import { countInWords } from '../shared/format';
import { actionItems, timeLanes } from '../shared/time-items';
import { layoutTime, type TimeItem } from '../shared/time-marks';
import type { IspActionsState } from './state';

/** The providers' chart: the time chart's providers' lanes alone, one lane per provider. */
export function ispActionsLayout(rows: readonly IspActionRow[], state: IspActionsState) {
	const items = actionItems(rows, state, true);
	const lanes = timeLanes([], rows, true);
	return { items, layout: layoutTime(items, lanes, state) };
}

export function ispActionsExtra(rows: readonly IspActionRow[]) {
	const byKey = new Map(rows.map((row) => [`isp-actions:${row.row}`, row]));
	return (item: TimeItem) => {
		const row = byKey.get(item.key);
		return {
			count:
				row?.count === undefined ? '' : countInWords(row.count, row.count_qualifier ?? 'exact'),
			note: row?.note ?? ''
		};
	};
}
