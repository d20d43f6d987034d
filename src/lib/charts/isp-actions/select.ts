import type { IspActionRow } from '../../schema/isp-actions';
import { byDate, isInZoom } from '../shared/time-axis';
import type { IspActionsState } from './state';

export function isHighlighted(row: IspActionRow, state: IspActionsState): boolean {
	if (state.actions.length === 0 && state.isps.length === 0) return false;
	const actionOk = state.actions.length === 0 || state.actions.includes(row.action);
	const ispOk = state.isps.length === 0 || state.isps.includes(row.isp);
	return actionOk && ispOk;
}

export function isShown(row: IspActionRow, state: IspActionsState): boolean {
	return isInZoom(row.date, state.zoom);
}

/** Rows the state points at, in date order: these get numbers and callouts. */
export function highlightedRows(
	rows: readonly IspActionRow[],
	state: IspActionsState
): IspActionRow[] {
	return rows.filter((row) => isHighlighted(row, state) && isShown(row, state)).sort(byDate);
}
