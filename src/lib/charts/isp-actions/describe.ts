import type { IspActionRow } from '../../schema/isp-actions';
import { describeTime } from '../shared/time-copy';
import { ispActionsLayout } from './model';
import type { IspActionsState } from './state';

/** The one-sentence text alternative: what the chart covers, and the actions the step points at. */
export function describeIspActions(rows: readonly IspActionRow[], state: IspActionsState): string {
	return describeTime(
		'Chart of what internet providers did',
		ispActionsLayout(rows, state).layout,
		state.zoom
	);
}
