import type { DownloadRow } from '../../schema/downloads';
import { countInWords, dayInWords, fullCount } from '../shared/format';
import type { TableModel } from '../shared/table-model';
import { visibleRows } from './scales';
import type { DownloadsState } from './state';

export function downloadsTable(rows: readonly DownloadRow[], state: DownloadsState): TableModel {
	const highlighted = new Set(state.highlight);
	return {
		caption: 'Reported downloads of the films leaked after the Sony Pictures hack',
		columns: [
			{ key: 'label', label: 'Film' },
			{ key: 'downloads', label: 'Downloads', numeric: true },
			{ key: 'reported', label: 'As reported' },
			{ key: 'as_of', label: 'As of' },
			{ key: 'note', label: 'Note' }
		],
		rows: visibleRows(rows, state).map((row) => ({
			key: String(row.row),
			current: highlighted.has(row.label),
			cells: {
				label: row.label,
				downloads: fullCount(row.downloads),
				reported: countInWords(row.downloads, row.qualifier),
				as_of: dayInWords(row.as_of),
				note: row.note ?? ''
			}
		}))
	};
}
