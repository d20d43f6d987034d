import { describe, expect, it } from 'vitest';
import { fixtureCsv, fixtureRows } from '../../../tests/fixtures/project';
import { validateDataset } from '../data/validate';
import { CHART_IDS, CHART_LOGIC, chartCopy } from './chart-ids';
import { defaultDownloadsState } from './downloads/state';
import type { DownloadRow } from '../schema/downloads';
import type { DatasetRows } from '../schema/datasets';

const rows = fixtureRows();
const withDownloads = (downloads: DownloadRow[]) => ({ ...rows, downloads }) as DatasetRows;

describe('chartCopy: the words that go with each chart, from its rows', () => {
	for (const chart of CHART_IDS) {
		it(`${chart}: plain sentences, never code`, () => {
			const copy = chartCopy(chart, rows);
			for (const [key, text] of Object.entries(copy)) {
				expect(text, key).toMatch(/\S/);
				expect(text, key).not.toMatch(/=>|function|undefined|NaN|\[object/);
			}
		});
	}

	it('downloads: the title and description name every measure and counter the rows hold', () => {
		const single = rows.downloads.filter((row) => row.measure === 'downloads');
		const one = chartCopy('downloads', withDownloads(single));
		expect(one.title).toBe('Downloads of the leaked Sony films');
		expect(one.description).not.toMatch(/unique|BitTorrent|Each bar/);

		const mixed = chartCopy('downloads', rows);
		expect(mixed.title).toMatch(/^Downloads, unique downloaders and BitTorrent downloads/);
		for (const counter of new Set(rows.downloads.map((row) => row.counted_by)))
			expect(mixed.description).toContain(counter);
		expect(mixed.description).toContain('Each bar is labelled with what it counts');
	});

	it('isp-actions: the description lists the providers and years drawn, and follows a new one', () => {
		const before = chartCopy('isp-actions', rows).description;
		for (const provider of new Set(rows['isp-actions'].map((row) => row.isp)))
			expect(before).toContain(provider);
		const csv = `${fixtureCsv('isp-actions').trimEnd()}\n2019-05-01,day,Zebra Broadband,refused-disclosure,Refused,,,,https://example.com/z\n`;
		const edited = validateDataset('isp-actions', csv, 'data/isp-actions.csv');
		expect(edited.issues).toEqual([]);
		const after = chartCopy('isp-actions', {
			...rows,
			'isp-actions': edited.rows
		} as DatasetRows).description;
		expect(after).toContain('Zebra Broadband');
		expect(after).toMatch(/to 2019/);
	});

	it("downloads: a step's kicker is its newest reading, whatever order the bars are in", () => {
		const newest = rows.downloads
			.map((row) => row.as_of)
			.sort()
			.at(-1)!;
		const older = rows.downloads.filter((row) => row.as_of < newest);
		expect(older.length, 'the fixture has readings of more than one day').toBeGreaterThan(0);
		// Newest rows first, then older: the drawing order must not decide the step's date.
		const reordered = withDownloads([
			...rows.downloads.filter((row) => row.as_of === newest),
			...older
		]);
		const kicker = CHART_LOGIC.downloads.kicker(reordered, defaultDownloadsState as never);
		const [year, month, day] = newest.split('-').map(Number);
		expect(kicker).toMatch(new RegExp(`\\b${day} `));
		expect(kicker).toContain(String(year));
		expect(kicker).toContain(
			new Date(Date.UTC(year!, month! - 1, day)).toLocaleString('en-GB', {
				month: 'long',
				timeZone: 'UTC'
			})
		);
	});
});
