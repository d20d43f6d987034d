import { expect, test } from '@playwright/test';
import { checkEmbedHeights } from './support/embed-heights';

/**
 * Every embed's code (a chart's, and each story step's) declares a no-script height computed from the
 * data at build time (src/lib/embed/heights.ts). At 320 px with no script the whole page must fit it,
 * and the estimate must not leave a frame mostly empty. The data-swap matrix runs the same check on an
 * edited copy, so an editor's new lane or longer note can't cut a host's frame off.
 */
test('every embed page fits the height its code declares, at 320 px with no script', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const { checked, problems } = await checkEmbedHeights(browser, baseURL!);
	expect(checked.length, 'charts and steps found').toBeGreaterThan(3);
	expect(problems).toEqual([]);
});
