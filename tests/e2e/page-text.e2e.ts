import { expect, test } from '@playwright/test';
import { CHART_IDS, chartCopy } from '../../src/lib/charts/chart-ids';
import { projectRows, projectStory, squash } from './support/project-data';

/**
 * What readers read is sentences from the data, never program text: a template that prints a function
 * instead of calling it ("(rows) => …") or a value that went missing ("undefined", "NaN") shows here.
 */
const LEAKS = /=>|\bfunction\s*\(|\bundefined\b|\bNaN\b|\[object Object\]/;

/** A page's words as a reader without JavaScript gets them: the HTML with its scripts, styles, tags and code samples (embed code) removed. */
function wordsOf(html: string): string {
	return squash(
		html
			.replace(/<(script|style|template|textarea|pre|code)\b[\s\S]*?<\/\1>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&gt;/g, '>')
			.replace(/&lt;/g, '<')
			.replace(/&amp;/g, '&')
	);
}

// Read as HTML, not laid out: twenty pages in a browser took over 30 s on a busy 2-core machine.
test('every page reads as prose: no program text, no missing values', async ({ request }) => {
	const story = projectStory();
	const paths = [
		'/',
		'/embed/',
		'/editor/',
		...CHART_IDS.map((id) => `/embed/${id}/`),
		...story.steps.map((step) => `/step/${step.n}/`)
	];
	const leaks: string[] = [];
	for (const path of paths) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const text = wordsOf(await response.text());
		const at = text.search(LEAKS);
		if (at >= 0) leaks.push(`${path}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
	}
	expect(leaks).toEqual([]);
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
