import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../../../tests/fixtures/project';
import { barLabel, describeDownloads } from './describe';
import { visibleRows } from './scales';
import { DownloadsState } from './state';
import * as v from 'valibot';

// The frozen fixture, not data/downloads.csv: these figures are the fixture's, not the published ones.
const rows = fixtureDataset('downloads').rows;
const headline = v.parse(DownloadsState, { view: 'headline', highlight: ['Fury'] });
const climb = v.parse(DownloadsState, { view: 'climb', highlight: ['Fury'] });

describe('visibleRows', () => {
	it('headline shows the latest figures, biggest first: Fury, then the other four', () => {
		expect(visibleRows(rows, headline).map((row) => [row.label, row.downloads])).toEqual([
			['Fury', 1200000],
			['The other four films, combined', 400000]
		]);
	});

	it("climb shows Fury's three readings in date order", () => {
		expect(visibleRows(rows, climb).map((row) => [row.as_of, row.downloads])).toEqual([
			['2014-11-30', 888000],
			['2014-12-03', 1000000],
			['2014-12-04', 1200000]
		]);
	});

	it('shows nothing when there are no rows', () => {
		expect(visibleRows([], headline)).toEqual([]);
	});
});

describe('describeDownloads', () => {
	it('keeps "more than" on lower-bound figures in the headline view', () => {
		expect(describeDownloads(rows, headline)).toBe(
			'Bar chart of downloads of the leaked Sony films as of 4 December 2014. ' +
				'Fury: more than 1.2 million; The other four films, combined: 400,000.'
		);
	});

	it('names each reading by its day in the climb view', () => {
		expect(describeDownloads(rows, climb)).toBe(
			'Bar chart of the reported downloads of Fury over time. ' +
				'Fury, 30 November 2014: more than 888,000; Fury, 3 December 2014: more than 1 million; ' +
				'Fury, 4 December 2014: more than 1.2 million.'
		);
		expect(barLabel(visibleRows(rows, climb)[0]!, climb)).toBe('Fury, 30 November 2014');
	});

	it('says there is no data rather than describing an empty chart', () => {
		expect(describeDownloads([], headline)).toBe('Bar chart of downloads: no data.');
	});
});
