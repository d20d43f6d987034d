import type { IspActionRow } from '../../schema/isp-actions';
import { countInWords, fuzzyDateInWords } from '../shared/format';
import { ACTION_STYLE } from './actions';
import { highlightedRows, isShown } from './select';
import type { IspActionsState } from './state';

export function actionSentence(row: IspActionRow): string {
	const count =
		row.count !== undefined ? ` (${countInWords(row.count, row.count_qualifier ?? 'exact')})` : '';
	return `${row.isp}, ${fuzzyDateInWords(row.date, row.precision)}: ${ACTION_STYLE[row.action].name.toLowerCase()}${count}`;
}

const ZOOM_NAMES = {
	all: '2010 to 2014',
	'2010': 'July 2010 to January 2011',
	'2014': 'late 2014'
};

/** The one-sentence text alternative: what the chart covers, and the actions the step points at. */
export function describeIspActions(rows: readonly IspActionRow[], state: IspActionsState): string {
	const shown = rows.filter((row) => isShown(row, state));
	const isps = [...new Set(shown.map((row) => row.isp))];
	const lead = `Chart of ${shown.length} actions by ${isps.join(', ')}, ${ZOOM_NAMES[state.zoom]}`;
	const focus = highlightedRows(rows, state);
	return focus.length
		? `${lead}. Highlighted: ${focus.map(actionSentence).join('; ')}.`
		: `${lead}.`;
}
