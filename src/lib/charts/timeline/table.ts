import type { TimelineRow } from '../../schema/timeline';
import { fuzzyDateInWords } from '../shared/format';
import type { TableModel } from '../shared/table-model';
import { CATEGORY_STYLE } from './categories';
import { isShown } from './select';
import type { TimelineState } from './state';

export function timelineTable(rows: readonly TimelineRow[], state: TimelineState): TableModel {
	return {
		caption: 'Events, 2010 to 2014',
		columns: [
			{ key: 'date', label: 'Date' },
			{ key: 'event', label: 'Event' },
			{ key: 'category', label: 'Kind' },
			{ key: 'note', label: 'Note' }
		],
		rows: rows
			.filter((row) => isShown(row, state))
			.map((row) => ({
				key: String(row.row),
				current: state.highlight.includes(row.date.text),
				cells: {
					date: fuzzyDateInWords(row.date, row.precision),
					event: row.event,
					category: CATEGORY_STYLE[row.category].name,
					note: row.note ?? ''
				}
			}))
	};
}
