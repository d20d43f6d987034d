import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { countInWords } from '../../src/lib/charts/shared/format';
import { normaliseCsv } from '../../src/lib/data/normalise';
import { validateDataset } from '../../src/lib/data/validate';

/**
 * The /editor/ page as an editor uses it: paste a bad file, read the problems, fix it, see the chart
 * and the diff, download the clean file, reload and find the draft still there. All offline.
 */
const fixture = (name: string) => readFileSync(`tests/fixtures/editor/${name}`, 'utf8');
const BAD = fixture('downloads-bad.csv');
const FIXED = fixture('downloads-fixed.csv');
const NORMALISED = fixture('downloads-normalised.csv');

async function open(page: Page) {
	await page.goto('editor/');
	// Hydrated: the chart preview's state picker only works once Svelte runs in the browser.
	await expect(page.locator('html')).toBeAttached();
	await page.waitForFunction(() => document.querySelector('#draft-text') !== null);
	await expect(page.locator('.issue-summary')).toHaveText(
		'No problems: the build would accept this file.'
	);
}

test.describe('the data editor', () => {
	test.beforeEach(async ({ page }) => {
		await open(page);
		// A fresh page for every test: no draft from a previous one.
		await page.evaluate(() => localStorage.clear());
		await page.reload();
		await expect(page.locator('.draft-status')).toContainText('Showing the published data');
	});

	test('lists a bad file’s problems, marks its cells, then previews, diffs and downloads the fix', async ({
		page,
		context
	}) => {
		const requests: string[] = [];
		page.on('request', (request) => {
			if (/^https?:/.test(request.url())) requests.push(request.url());
		});
		// Everything below must work with the network gone.
		await context.setOffline(true);

		const text = page.getByLabel('Contents of data/downloads.csv');
		await text.fill(BAD);
		await expect(page.locator('.issue-summary')).toHaveText(
			'2 errors: the build would refuse this file.'
		);
		await expect(page.locator('.issues li')).toHaveText([
			'Error, Row 2, downloads: "1.5m" is not a whole number; did you mean 1500000? Show in table',
			'Error, Row 3, qualifier: "roughly" is not allowed here; use one of: exact, at-least, approximate Show in table'
		]);
		const badCells = page.locator('.preview td[aria-invalid="true"]');
		await expect(badCells).toHaveCount(2);
		await expect(badCells.nth(0)).toHaveAttribute('data-column', 'downloads');
		await expect(badCells.nth(0)).toContainText('1.5m');
		await expect(badCells.nth(1)).toHaveAttribute('data-column', 'qualifier');
		await expect(page.locator('.chart-waiting')).toBeVisible();
		await expect(page.getByRole('button', { name: /Download the clean/ })).toBeDisabled();

		// Keyboard: "Show in table" moves focus to the bad cell.
		await page.getByRole('button', { name: 'Show in table' }).first().focus();
		await page.keyboard.press('Enter');
		await expect(badCells.nth(0)).toBeFocused();

		await text.fill(FIXED);
		await expect(page.locator('.issue-summary')).toHaveText(
			'No problems: the build would accept this file.'
		);
		await expect(page.locator('.preview [aria-invalid]')).toHaveCount(0);
		const chart = page.locator('figure[data-chart="downloads"]');
		await expect(chart).toContainText('more than 1.5 million');
		await expect(chart).not.toContainText('more than 1.2 million');
		await expect(page.locator('.diff .added')).toContainText(
			'Fury: 1,500,000 downloads (at-least), as of 2014-12-10'
		);
		// The fix drops Fury's earlier readings, which the story quotes by date: readers would lose them.
		await expect(page.locator('.story-problems')).toContainText(
			'The story no longer reads with this data; the build would stop:'
		);
		// The "was" half is today's data, which an editor may change; the new half is the fixture's.
		await expect(page.locator('.extremes')).toContainText(
			'largest downloads: Fury: 1,500,000 downloads (at-least), as of 2014-12-10; was '
		);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download the clean downloads.csv' }).click()
		]);
		expect(download.suggestedFilename()).toBe('downloads.csv');
		const saved = readFileSync((await download.path())!, 'utf8');
		expect(saved).toBe(NORMALISED);

		expect(requests, 'no network requests after the page loaded').toEqual([]);
		await context.setOffline(false);

		// The draft survives a reload, until it is discarded.
		await page.reload();
		await expect(text).toHaveValue(FIXED.replace(/\r\n/g, '\n'));
		await expect(page.locator('figure[data-chart="downloads"]')).toContainText(
			'more than 1.5 million'
		);
		await expect(page.locator('.draft-status')).toContainText('Draft kept in this browser');
		await page.getByRole('button', { name: 'Discard draft' }).click();
		await expect(page.locator('.draft-status')).toContainText('Showing the published data');
		await page.reload();
		await expect(text).toHaveValue(
			/^label,downloads,qualifier,measure,counted_by,as_of,note,source\nFury,1200000,/
		);
	});

	test('picks the chart from a chosen file’s name, and refuses a huge one at once', async ({
		page
	}) => {
		const input = page.locator('input[type="file"]');
		await input.setInputFiles({
			name: 'timeline (1).csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'date,precision,event,category,note,source\n2015-01-05,day,A late event,court,,https://example.com/a\n'
			)
		});
		await expect(page.getByLabel('Chart', { exact: true })).toHaveValue('timeline');
		await expect(page.locator('.issues li')).toHaveText([
			'Warning, Row 2, date: "2015-01-05" is outside 2010–2014, the years this timeline covers; check the year Show in table'
		]);
		await expect(page.locator('figure[data-chart="timeline"]')).toBeVisible();

		await input.setInputFiles({
			name: 'downloads.csv',
			mimeType: 'text/csv',
			buffer: Buffer.alloc(3 * 1024 * 1024, 'a')
		});
		await expect(page.getByRole('alert')).toHaveText(
			'downloads.csv: file is 3.0 MB, over the 2.0 MB limit for a data file; check you picked the right file'
		);
		// The refused file changed nothing: the timeline draft is still there.
		await expect(page.getByLabel('Chart', { exact: true })).toHaveValue('timeline');
	});

	test('shows what readers will see change for a pasted file, and a patch to apply', async ({
		page
	}) => {
		// Today's data, read at run time: the headline's top bar gets 100,000 more downloads.
		const published = readFileSync('data/downloads.csv', 'utf8');
		const rows = validateDataset('downloads', published, 'data/downloads.csv').rows;
		const latest = rows.reduce((day, row) => (row.as_of > day ? row.as_of : day), '');
		const top = rows
			.filter((row) => row.as_of === latest)
			.sort((a, b) => b.downloads - a.downloads)[0]!;
		const edited = rows.map((row) =>
			row === top ? { ...row, downloads: row.downloads + 100000 } : row
		);
		const was = countInWords(top.downloads, top.qualifier);
		const now = countInWords(top.downloads + 100000, top.qualifier);

		await page.getByLabel('Contents of data/downloads.csv').fill(normaliseCsv('downloads', edited));
		const readers = page.locator('section[aria-labelledby="readers-heading"]');
		await expect(readers.getByRole('heading', { level: 2 })).toHaveText(
			'5. What readers will see change'
		);
		// Some story step quotes the figure: its sentence is shown before and after.
		const step = readers
			.locator('.reader-view')
			.filter({ has: page.getByRole('heading', { name: /^Step \d+/ }) })
			.filter({ hasText: now })
			.first();
		await expect(step.locator('dd.before').filter({ hasText: was }).first()).toBeVisible();
		await expect(step.locator('dd.after').filter({ hasText: now }).first()).toBeVisible();
		await expect(step.locator('ins').first()).toBeVisible();
		// The chart's own view and its embed.
		await expect(
			readers.getByRole('heading', { name: /^Full downloads chart \(\/embed\/downloads\/,/ })
		).toBeVisible();

		// The static site can't write data/: no publish button, a patch instead.
		await expect(page.getByRole('button', { name: 'Publish to data/' })).toHaveCount(0);
		await page.getByText('Patch for data/downloads.csv').click();
		const patch = page.locator('.patch pre');
		await expect(patch).toContainText('--- a/data/downloads.csv\n+++ b/data/downloads.csv\n@@ ');
		await expect(patch).toContainText(`\n+${top.label},${top.downloads + 100000},`);

		// Back to the published file: nothing to show.
		await page.getByRole('button', { name: 'Discard draft' }).click();
		await expect(readers.locator('.reader-summary')).toHaveText('Nothing a reader sees changes.');
	});
});
