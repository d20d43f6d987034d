import type { IspActionRow } from '../../schema/isp-actions';
import type { TableModel } from '../shared/table-model';
import { timeTable } from '../shared/time-copy';
import type { TimeLayout } from '../shared/time-marks';
import { ispActionsExtra } from './model';

export function ispActionsTable(rows: readonly IspActionRow[], layout: TimeLayout): TableModel {
	return timeTable(
		'What internet providers did about rights holders’ requests and site blocking',
		layout,
		ispActionsExtra(rows)
	);
}
