import type { TimelineRow } from '../../schema/timeline';
import { fuzzyDateInWords } from '../shared/format';
import { highlightedEvents, isShown } from './select';
import type { TimelineState } from './state';

const ZOOM_NAMES = {
	all: '2010 to 2014',
	'2010': 'July 2010 to January 2011',
	'2014': 'late 2014'
};

export function eventSentence(row: TimelineRow): string {
	return `${fuzzyDateInWords(row.date, row.precision)}: ${row.event}`;
}

/** The one-sentence text alternative for the timeline in this state. */
export function describeTimeline(rows: readonly TimelineRow[], state: TimelineState): string {
	const shown = rows.filter((row) => isShown(row, state));
	const lead = `Timeline of ${shown.length} events, ${ZOOM_NAMES[state.zoom]}, by kind: attacks, leaks, court, internet providers and politics`;
	const gap =
		state.zoom === 'all' ? '; the sources report nothing in 2011 after January, 2012 or 2013' : '';
	const focus = highlightedEvents(rows, state);
	return focus.length
		? `${lead}${gap}. Highlighted: ${focus.map(eventSentence).join('; ')}.`
		: `${lead}${gap}.`;
}
