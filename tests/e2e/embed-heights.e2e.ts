import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * Each story step's embed code carries the step's own no-script height (src/lib/embed/step-heights.json),
 * measured here the way heights.ts's chart heights are: the whole page at 320 px wide, plus 13% for wider
 * system fonts. With UPDATE_EMBED_HEIGHTS=1 this rewrites the file (then rebuild); otherwise it fails,
 * naming the figure, when a step's page outgrows the height its code declares.
 */
const UPDATE = Boolean(process.env.UPDATE_EMBED_HEIGHTS);
const FILE = new URL('../../src/lib/embed/step-heights.json', import.meta.url);

test('every step embed fits the height its code declares, at 320 px with no script', async ({
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const html = await (await request.get('/')).text();
	const steps = Array.from(html.matchAll(/data-step="(\d+)" data-chart="([a-z-]+)"/g), (m) => ({
		n: m[1]!,
		chart: m[2]!
	}));
	expect(steps.length, 'the story has steps').toBeGreaterThan(0);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 320, height: 800 }
	});
	const page = await context.newPage();
	const measured: Record<string, number> = {};
	const over: string[] = [];
	for (const { n, chart } of steps) {
		const oembed = await (await request.get(`/embed/${chart}/${n}/oembed.json`)).json();
		const declared = Number(/height="(\d+)"/.exec(oembed.html)?.[1]);
		expect(oembed.height, `step ${n}: oEmbed height and code agree`).toBe(declared);
		await page.goto(`/embed/${chart}/${n}/`);
		const content = await page.evaluate(
			() => document.documentElement.getBoundingClientRect().height
		);
		measured[`${chart}-${n}`] = Math.ceil((content * 1.13) / 10) * 10;
		if (content > declared)
			over.push(`${chart}-${n}: ${Math.ceil(content)} px measured, ${declared} px declared`);
	}
	if (UPDATE) writeFileSync(FILE, JSON.stringify(measured, null, '\t') + '\n');
	else
		expect(
			over,
			'steps taller than their code: run UPDATE_EMBED_HEIGHTS=1 on this test, then rebuild'
		).toEqual([]);
	await context.close();
});
