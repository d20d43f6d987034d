import type { Browser } from '@playwright/test';

/** Wasting more than this share of the frame under the page is a height estimate gone wrong. */
const MOST_WASTE = 1.5;

export interface HeightsReport {
	/** Every embed page checked: charts' and story steps'. */
	checked: string[];
	/** Pages whose code's height cuts them off at 320 px with no script, or wastes too much. */
	problems: string[];
}

/**
 * Reads every embed page of a served build (each chart's, and each story step's from `/`) at 320 px
 * with no script, and compares its height with the `height` its oEmbed and code declare.
 */
export async function checkEmbedHeights(browser: Browser, origin: string): Promise<HeightsReport> {
	const html = await (await fetch(`${origin}/`)).text();
	const charts = [...new Set(Array.from(html.matchAll(/\/embed\/([a-z-]+)\//g), (m) => m[1]!))];
	const steps = Array.from(
		html.matchAll(/data-step="(\d+)" data-chart="([a-z-]+)"/g),
		(m) => `${m[2]}/${m[1]}`
	);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 320, height: 800 }
	});
	const page = await context.newPage();
	const checked: string[] = [];
	const problems: string[] = [];
	try {
		for (const view of [...charts, ...steps]) {
			const oembed = await (await fetch(`${origin}/embed/${view}/oembed.json`)).json();
			const declared = Number(/height="(\d+)"/.exec(oembed.html)?.[1]);
			if (oembed.height !== declared)
				problems.push(`${view}: oEmbed says ${oembed.height} px, its code ${declared} px`);
			await page.goto(`${origin}/embed/${view}/`);
			const content = Math.ceil(
				await page.evaluate(() => document.documentElement.getBoundingClientRect().height)
			);
			checked.push(view);
			if (!(content <= declared))
				problems.push(
					`${view}: the page is ${content} px at 320 px, its code gives ${declared} px`
				);
			else if (declared > content * MOST_WASTE)
				problems.push(`${view}: ${declared} px declared for a ${content} px page`);
		}
	} finally {
		await context.close();
	}
	return { checked, problems };
}
