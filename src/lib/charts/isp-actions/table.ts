import type { IspActionRow } from '../../schema/isp-actions';
import { countInWords, fuzzyDateInWords } from '../shared/format';
import type { TableModel } from '../shared/table-model';
import { ACTION_STYLE } from './actions';
import { isHighlighted, isShown } from './select';
import type { IspActionsState } from './state';

export function ispActionsTable(rows: readonly IspActionRow[], state: IspActionsState): TableModel {
	return {
		caption: 'What internet providers did about rights holders’ requests and site blocking',
		columns: [
			{ key: 'date', label: 'Date' },
			{ key: 'isp', label: 'Provider' },
			{ key: 'action', label: 'Action' },
			{ key: 'detail', label: 'Detail' },
			{ key: 'count', label: 'Count', numeric: true },
			{ key: 'note', label: 'Note' }
		],
		rows: rows
			.filter((row) => isShown(row, state))
			.map((row) => ({
				key: String(row.row),
				current: isHighlighted(row, state),
				cells: {
					date: fuzzyDateInWords(row.date, row.precision),
					isp: row.isp,
					action: ACTION_STYLE[row.action].name,
					detail: row.detail,
					count:
						row.count === undefined ? '' : countInWords(row.count, row.count_qualifier ?? 'exact'),
					note: row.note ?? ''
				}
			}))
	};
}
