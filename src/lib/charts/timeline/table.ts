import type { TableModel } from '../shared/table-model';
import { timeTable } from '../shared/time-copy';
import type { TimeLayout } from '../shared/time-marks';
import { timelineExtra, type TimelineRows } from './model';

export function timelineTable(rows: TimelineRows, layout: TimeLayout): TableModel {
	return timeTable('Events and providers’ actions', layout, timelineExtra(rows));
}
