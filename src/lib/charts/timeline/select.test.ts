import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../data/validate';
import { eventStatus, highlightedEvents, isShown } from './select';
import { TimelineState } from './state';

const rows = validateDataset(
	'timeline',
	readFileSync('data/timeline.csv'),
	'data/timeline.csv'
).rows;
const state = (input: Record<string, unknown>) => v.parse(TimelineState, input);
const byDate = (text: string) => rows.find((row) => row.date.text === text)!;

/** Every event's status in a state, keyed by its date cell. */
function statuses(input: Record<string, unknown>): Record<string, string> {
	const s = state(input);
	const highlighted = new Set(highlightedEvents(rows, s).map((row) => row.row));
	return Object.fromEntries(rows.map((row) => [row.date.text, eventStatus(row, s, highlighted)]));
}

describe('highlightedEvents', () => {
	it('returns the highlighted events in date order, whatever order the story lists them', () => {
		const s = state({ zoom: '2010', highlight: ['2010-09-24/2010-09-25', '2010-09-21'] });
		expect(highlightedEvents(rows, s).map((row) => row.date.text)).toEqual([
			'2010-09-21',
			'2010-09-24/2010-09-25'
		]);
	});

	it('drops a highlighted event the zoom hides', () => {
		const s = state({ zoom: '2010', highlight: ['2010-09-20', '2014-11-27'] });
		expect(highlightedEvents(rows, s).map((row) => row.date.text)).toEqual(['2010-09-20']);
	});
});

describe('eventStatus', () => {
	it('highlights the chosen event, fades later ones with `until`, dims the rest', () => {
		const result = statuses({ zoom: '2010', highlight: ['2010-09-20'], until: '2010-09-20' });
		expect(result['2010-09-20']).toBe('is-hl');
		expect(result['2010-07']).toBe('is-dim');
		expect(result['2010-09-21']).toBe('is-later');
		expect(result['2010-11-03']).toBe('is-later');
		expect(result['2014-12-04']).toBe('is-hidden');
	});

	it('hides 2010 events when the story zooms to 2014', () => {
		const result = statuses({ zoom: '2014' });
		expect(result['2010-09-20']).toBe('is-hidden');
		expect(result['2014-11-27']).toBe('');
	});

	it('shows an event that straddles the edge of a zoomed stretch', () => {
		expect(isShown(byDate('2011-01-11/2011-01-12'), state({ zoom: '2010' }))).toBe(true);
	});

	it('dims events outside the emphasised categories', () => {
		const result = statuses({ zoom: 'all', categories: ['attack'] });
		expect(result['2010-09-21']).toBe('');
		expect(result['2014-11-24']).toBe('');
		expect(result['2010-09-20']).toBe('is-dim');
	});

	it('leaves every event plain when nothing is highlighted', () => {
		expect(new Set(Object.values(statuses({ zoom: 'all' })))).toEqual(new Set(['']));
	});
});
