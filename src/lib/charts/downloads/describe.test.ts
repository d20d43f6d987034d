import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../data/validate';
import type { DownloadRow } from '../../schema/downloads';
import { downloadsDescription, downloadsNotes, downloadsTitle, measuresOf } from './copy';
import { barMeta, describeDownloads, metaLines, needsMeta } from './describe';
import { visibleRows } from './scales';
import { DownloadsState } from './state';
import { downloadsTable } from './table';

// Readings of three measures by two counters, kept with the tests (never data/downloads.csv).
const FILE = 'tests/fixtures/story-checks/project/data/downloads.csv';
const rows = validateDataset('downloads', readFileSync(FILE), FILE).rows;
const headline = v.parse(DownloadsState, { view: 'headline', highlight: ['Fury'] });
const climb = v.parse(DownloadsState, { view: 'climb', highlight: ['Fury'] });

/** The latest reading of each label, worked out here independently of the chart's code. */
function latestPerLabel(input: readonly DownloadRow[]): DownloadRow[] {
	return [...new Set(input.map((row) => row.label))].flatMap((label) => {
		const own = input.filter((row) => row.label === label);
		const last = own
			.map((row) => row.as_of)
			.sort()
			.at(-1);
		return own.filter((row) => row.as_of === last);
	});
}

describe('visibleRows', () => {
	it("headline shows each label's latest reading, biggest first", () => {
		const shown = visibleRows(rows, headline);
		expect(new Set(shown)).toEqual(new Set(latestPerLabel(rows)));
		expect(shown.map((row) => row.downloads)).toEqual(
			shown.map((row) => row.downloads).sort((a, b) => b - a)
		);
	});

	it('keeps every label when one label gets a newer reading', () => {
		const newer: DownloadRow = { ...rows[0]!, row: 99, as_of: '2015-01-01', downloads: 9 };
		const labels = (input: DownloadRow[]) =>
			new Set(visibleRows(input, headline).map((r) => r.label));
		expect(labels([...rows, newer])).toEqual(labels(rows));
		expect(visibleRows([...rows, newer], headline)).toContain(newer);
	});

	it('climb draws every reading of the label it shows, oldest first', () => {
		const shown = visibleRows(rows, climb);
		expect(shown).toHaveLength(rows.filter((row) => row.label === 'Fury').length);
		expect(shown.map((row) => row.as_of)).toEqual(shown.map((row) => row.as_of).sort());
	});

	it('shows nothing when there are no rows', () => {
		expect(visibleRows([], headline)).toEqual([]);
	});
});

describe('measures and counters', () => {
	it('labels every bar with its measure and counter when the bars drawn mix them', () => {
		for (const state of [headline, climb]) {
			const shown = visibleRows(rows, state);
			expect(measuresOf(shown).length).toBeGreaterThan(1);
			expect(needsMeta(shown, state)).toBe(true);
			for (const row of shown) {
				expect(barMeta(row, shown, state)).toContain(row.counted_by);
				expect(barMeta(row, shown, state)).toMatch(
					row.measure === 'downloads' ? /^downloads/ : new RegExp(row.measure.split('-')[0]!, 'i')
				);
			}
		}
	});

	it('needs no second line when the bars count one thing, by one counter, on one day', () => {
		const same = rows.filter((row) => row.measure === 'downloads');
		const shown = visibleRows(same, headline);
		expect(needsMeta(shown, headline)).toBe(false);
		expect(downloadsTitle(same)).toBe('Downloads of the leaked Sony films');
	});

	it('gives each headline bar its own "as of" when the readings differ in day', () => {
		const shown = visibleRows(rows, headline);
		expect(new Set(shown.map((row) => row.as_of)).size).toBeGreaterThan(1);
		for (const row of shown) expect(barMeta(row, shown, headline)).toMatch(/as of \d+ \w+ \d{4}$/);
	});

	it('keeps a shortened second line\'s "as of" date whole', () => {
		const shown = visibleRows(rows, headline);
		for (const row of shown) {
			const meta = barMeta(row, shown, headline);
			const { short, full } = metaLines(meta, 30);
			expect(full, 'the whole line, for a wide chart').toContain(meta);
			expect([...short.replace(/[\u2066-\u2069]/g, '')].length).toBeLessThanOrEqual(30);
			expect(short).toMatch(/, as of \d+ \w+ \d{4}$/);
		}
	});

	it('drops the counter in brackets before cutting what was counted, and says where the whole line fits', () => {
		const excipio = 'unique downloaders (\u2068Excipio\u2069), as of 30 Nov 2014';
		const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
		const narrow = metaLines(excipio, 40);
		expect(plain(narrow.short)).toBe('unique downloaders, as of 30 Nov 2014');
		expect(narrow.short).not.toContain('(');
		expect(narrow.fitsAt).toBe(340);
		// Too long even without its counter: what was counted is cut, its date kept.
		const long = metaLines(
			'BitTorrent downloads of the film in question (TorrentFreak), as of 3 Dec 2014',
			40
		);
		expect(plain(long.short)).toMatch(/^BitTorrent downloads[^(]*…, as of 3 Dec 2014$/);
		expect(long.fitsAt).toBe(440);
		// A line that fits keeps its counter, and needs no whole line.
		const fits = metaLines('downloads (Excipio)', 40);
		expect(plain(fits.short)).toBe('downloads (Excipio)');
		expect(fits).toMatchObject({ full: '', fitsAt: undefined });
	});

	it('derives title, description, notes and table header from the rows drawn', () => {
		expect(downloadsTitle(rows)).toBe(
			'Downloads, unique downloaders and BitTorrent downloads of the leaked Sony films'
		);
		expect(downloadsDescription(rows)).toContain('as counted by Excipio and TorrentFreak');
		const notes = downloadsNotes(rows);
		expect(notes).toContain(
			'Excipio (downloads and unique downloaders) and TorrentFreak (BitTorrent downloads)'
		);
		expect(notes).toContain('different measures, not one series');
		expect(notes).not.toMatch(/Tracker: Excipio\./);
		const table = downloadsTable(rows, climb);
		expect(table.columns.find((column) => column.key === 'downloads')?.label).toBe('Figure');
		expect(table.rows.map((row) => row.cells.counted_by)).toEqual(
			visibleRows(rows, climb).map((row) => row.counted_by)
		);
	});
});

describe('describeDownloads', () => {
	it('names every bar drawn with its figure, hedge, measure and counter', () => {
		for (const state of [headline, climb]) {
			const text = describeDownloads(rows, state);
			for (const row of visibleRows(rows, state)) {
				expect(text).toContain(row.counted_by);
				if (row.qualifier === 'at-least') expect(text).toMatch(/more than/);
			}
			expect(text).toContain('count different things');
		}
	});

	it('says there is no data rather than describing an empty chart', () => {
		expect(describeDownloads([], headline)).toBe('Bar chart of downloads: no data.');
	});
});
