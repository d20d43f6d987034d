import type { DownloadRow } from '../../schema/downloads';
import { countInWords, dayInWords, fullCount } from '../shared/format';
import type { TableModel } from '../shared/table-model';
import { measureInWords, measuresInWords, mixesMeasures } from './copy';
import { visibleRows } from './scales';
import type { DownloadsState } from './state';

/** The data table under the chart: the rows drawn, with headers that say what their figures count. */
export function downloadsTable(rows: readonly DownloadRow[], state: DownloadsState): TableModel {
	const highlighted = new Set(state.highlight);
	const shown = visibleRows(rows, state);
	const figure = mixesMeasures(shown) ? 'Figure' : measuresInWords(shown);
	return {
		caption: `${measuresInWords(shown)} reported for the films leaked after the Sony Pictures hack`,
		columns: [
			{ key: 'label', label: 'Film' },
			{ key: 'downloads', label: figure, numeric: true },
			{ key: 'reported', label: 'As reported' },
			{ key: 'measure', label: 'What was counted' },
			{ key: 'counted_by', label: 'Counted by' },
			{ key: 'as_of', label: 'As of' },
			{ key: 'note', label: 'Note' }
		],
		rows: shown.map((row) => ({
			key: String(row.row),
			current: highlighted.has(row.label),
			cells: {
				label: row.label,
				downloads: fullCount(row.downloads),
				reported: countInWords(row.downloads, row.qualifier),
				measure: measureInWords(row.measure),
				counted_by: row.counted_by,
				as_of: dayInWords(row.as_of),
				note: row.note ?? ''
			}
		}))
	};
}
