import { expect, test } from '@playwright/test';
import { CHART_IDS, chartCopy } from '../../src/lib/charts/chart-ids';
import { projectRows, projectStory, squash } from './support/project-data';

/**
 * What readers read is sentences from the data, never program text: a template that prints a function
 * instead of calling it ("(rows) => …") or a value that went missing ("undefined", "NaN") shows here.
 */
const LEAKS = /=>|\bfunction\s*\(|\bundefined\b|\bNaN\b|\[object Object\]/;

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every page reads as prose: no program text, no missing values', async ({ page }) => {
		const story = projectStory();
		const paths = [
			'/',
			'/embed/',
			'/editor/',
			...CHART_IDS.map((id) => `/embed/${id}/`),
			...story.steps.map((step) => `/step/${step.n}/`)
		];
		for (const path of paths) {
			await page.goto(path);
			const text = await page.locator('body').innerText();
			expect(
				text.match(LEAKS)?.[0],
				`${path}: ${squash(text.slice(text.search(LEAKS) - 60, text.search(LEAKS) + 60))}`
			).toBeUndefined();
		}
	});
});

test('the method section gives each chart the title, description and notes its rows make', async ({
	page
}) => {
	const rows = projectRows();
	await page.goto('/#after-story');
	for (const id of CHART_IDS) {
		const copy = chartCopy(id, rows);
		const section = page.locator(`section[aria-labelledby="method-${id}"]`);
		await expect(section.locator('h4')).toHaveText(copy.title);
		expect(squash(await section.locator('p').first().innerText())).toBe(
			squash(`${copy.description} ${copy.notes}`)
		);
	}
});
