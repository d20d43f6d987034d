import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadAllData } from '../data/load.server';
import { validateDataset } from '../data/validate';
import { fillTokens } from './tokens';

// A small project kept with the tests, so an editor's change to data/ never turns these red.
const { rows } = loadAllData('tests/fixtures/story-checks/project');
const fill = (text: string) => fillTokens(text, rows);

describe('fillTokens', () => {
	it('fills the latest figure for a title, keeping "more than" and "about"', () => {
		expect(fill('Fury: {downloads:Fury}.')).toEqual({
			text: 'Fury: more than 1.5 million.',
			problems: []
		});
		expect(fill('{downloads:other four}').text).toBe('about 300,000');
	});

	it('fills the figure reported on a given day, and what it counts, who counted and when', () => {
		expect(fill('{downloads:Fury@2014-11-29}').text).toBe('more than 700,000');
		expect(
			fill(
				'{downloads:Fury@2014-12-02|measure} by {downloads:Fury@2014-12-02|counted-by}, {downloads:Fury@2014-12-02|as-of}'
			).text
		).toBe('BitTorrent downloads by TorrentFreak, 2 December 2014');
	});

	it('fills provider counts, and provider dates as precisely as the row gives them', () => {
		expect(fill('{isp-actions:blocked-sites} sites').text).toBe('53 sites');
		expect(fill('{isp-actions:blocked-sites|date}').text).toBe('by 4 December 2014');
		expect(fill('{isp-actions:refused-disclosure|date}').text).toBe('early October 2010');
	});

	it('fills dates in words, hedged as their rows say', () => {
		expect(fill('on {date:2010-09-24/2010-09-25}').text).toBe('on 24 or 25 September 2010');
		expect(fill('{date:2010-09-21}').text).toBe('about 21 September 2010');
		expect(fill('{date:2010-11-03}').text).toBe('by 3 November 2010');
		expect(fill('{date:2010-10-01/2010-10-10}').text).toBe('early October 2010');
	});

	it('renders the short forms copy needs for a date it has already named', () => {
		expect(fill('{date:2010-09-20|day}').text).toBe('20');
		expect(fill('{date:2010-09-21|weekday}').text).toBe('Tuesday');
		expect(fill('{date:2010-09-20|day-month}').text).toBe('20 September');
		expect(fill('{date:2010-09-21|ordinal}').text).toBe('about the 21st');
		expect(fill('{date:2011-01-11/2011-01-12|month-year}').text).toBe('January 2011');
		expect(fill('{date:2014-11-27|year}').text).toBe('2014');
		expect(fill('{date:2010-11-03|day-month}').text).toBe('by 3 November');
	});

	it("names one end of a disagreement as that source's day, without a hedge", () => {
		expect(fill('{date:2011-01-11|ordinal} or {date:2011-01-12|ordinal}').text).toBe(
			'the 11th or the 12th'
		);
		expect(fill('{date:2010-09-24|weekday}').text).toBe('Friday');
	});

	it('refuses a day form of a date that is not one day', () => {
		expect(fill('{date:2010-10-01/2010-10-10|weekday}').problems).toEqual([
			'{date:2010-10-01/2010-10-10|weekday}: "weekday" needs a single day, but "2010-10-01/2010-10-10" spans early October 2010; use the full form or month-year'
		]);
	});

	it('leaves an unresolved token in place and says why', () => {
		expect(
			fill('{downloads:Nope} and {date:1999} and {foo:bar} and {date:2010-09-20|shout}')
		).toEqual({
			text: '{downloads:Nope} and {date:1999} and {foo:bar} and {date:2010-09-20|shout}',
			problems: [
				'{downloads:Nope}: no row in data/downloads.csv matches "Nope"',
				'{date:1999}: no row in data/timeline.csv, data/isp-actions.csv or data/downloads.csv has the date "1999"',
				'{foo:bar}: unknown kind "foo"; use downloads, isp-actions, date or gaps',
				'{date:2010-09-20|shout}: unknown form "shout"; use one of: day, weekday, ordinal, day-month, month-year, year'
			]
		});
		expect(fill('{isp-actions:refused-disclosure}').problems).toEqual([
			'{isp-actions:refused-disclosure}: no row in data/isp-actions.csv has action "refused-disclosure" and a count'
		]);
		expect(fill('{downloads:Fury|colour}').problems).toEqual([
			'{downloads:Fury|colour}: unknown form "colour"; use one of: measure, counted-by, as-of'
		]);
	});

	it('leaves text without tokens alone', () => {
		expect(fill('Plain {braces} stay.')).toEqual({ text: 'Plain {braces} stay.', problems: [] });
	});

	it('says where a time chart skips months, from the rows, and follows an editor who fills a gap', () => {
		expect(fill('{gaps:timeline}').text).toBe('between February 2011 and October 2014');
		const csv = `${readFileSync('tests/fixtures/story-checks/project/data/timeline.csv', 'utf8').trimEnd()}\n2012-06-15,day,A ruling,court,,https://example.com/r\n`;
		const timeline = validateDataset('timeline', csv, 'data/timeline.csv').rows;
		expect(fillTokens('{gaps:timeline}', { ...rows, timeline }).text).toBe(
			'between February 2011 and May 2012 and between July 2012 and October 2014'
		);
		expect(fill('{gaps:downloads}').problems).toEqual([
			'{gaps:downloads}: "gaps" names a time chart: timeline or isp-actions, not "downloads"'
		]);
	});
});
