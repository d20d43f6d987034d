import { expect, test, type Page } from '@playwright/test';
import { startHost, wordpressCode, type Host } from './support/embed-host';

/**
 * Embeds on hosts that strip scripts or paste several: WordPress's sandboxed oEmbed iframe, two pym.js
 * embeds of the same step on one page, and links clicked inside a frame.
 */
let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

const embedOrigin = (baseURL: string) => {
	const url = new URL(baseURL);
	url.hostname = 'localhost';
	return url.origin;
};

async function lastStep(page: Page): Promise<{ n: string; chart: string }> {
	const html = await (await page.request.get('/')).text();
	const steps = Array.from(html.matchAll(/data-step="(\d+)" data-chart="([a-z-]+)"/g));
	const last = steps.at(-1)!;
	return { n: last[1]!, chart: last[2]! };
}

for (const width of [375, 1280]) {
	test(`WordPress's sandboxed oEmbed iframe sizes itself to the step at ${width} px`, async ({
		page,
		baseURL
	}) => {
		const origin = embedOrigin(baseURL!);
		const { n, chart } = await lastStep(page);
		const oembed = await (await page.request.get(`/embed/${chart}/${n}/oembed.json`)).json();
		const code = String(oembed.html).replace(/(src|href)="\//g, `$1="${origin}/`);
		await page.setViewportSize({ width, height: 900 });
		await page.goto(
			host.page(`<div style="max-width:${width - 32}px">${wordpressCode(code)}</div>`)
		);
		const iframe = page.locator('iframe.wp-embedded-content');
		// wp-embed.js shows the frame (drops its clipping style) only on a message it trusts.
		await expect(iframe).not.toHaveAttribute('style', /clip/);
		const frame = (await (await iframe.elementHandle())!.contentFrame())!;
		await expect
			.poll(async () => {
				const content = await frame.evaluate(() =>
					Math.ceil(document.documentElement.getBoundingClientRect().height)
				);
				const height = Number(await iframe.getAttribute('height'));
				// wp-embed.js caps frames at 1000 px.
				return height === Math.min(content, 1000);
			})
			.toBe(true);
	});
}

test('two pym.js embeds of the same step on one page both show, each sized', async ({
	page,
	baseURL
}) => {
	const origin = embedOrigin(baseURL!);
	const { n, chart } = await lastStep(page);
	const gallery = await (await page.request.get('/embed/')).text();
	const code = /<textarea id="code-[^"]*-pym"[^>]*>([^<]*)/.exec(gallery)?.[1];
	expect(code, 'the gallery gives pym code').toBeTruthy();
	const pymCode = `<div data-pym-src="${origin}/embed/${chart}/${n}/"></div>`;
	await page.goto(
		host.page(`${pymCode}<p>Between the two.</p>${pymCode}<script src="/pym.v1.js"></script>`)
	);
	const frames = page.locator('div[data-pym-src] iframe');
	await expect(frames).toHaveCount(2);
	const ids = await page.locator('div[data-pym-src]').evaluateAll((divs) => divs.map((d) => d.id));
	expect(new Set(ids).size, `distinct ids: ${ids}`).toBe(2);
	for (const index of [0, 1]) {
		await expect
			.poll(async () => (await frames.nth(index).boundingBox())?.height ?? 0)
			.toBeGreaterThan(300);
	}
});

test('the gallery’s pym code carries no fixed id', async ({ request }) => {
	const gallery = await (await request.get('/embed/')).text();
	const codes = Array.from(gallery.matchAll(/&lt;div data-pym-src=[^<]*/g), (m) => m[0]);
	expect(codes.length).toBeGreaterThan(0);
	for (const code of codes) expect(code).not.toMatch(/ id=/);
});

test('a source link clicked in a frame opens a new tab; the frame stays on the chart', async ({
	page,
	context,
	baseURL
}) => {
	const origin = embedOrigin(baseURL!);
	await page.goto(
		host.page(
			`<iframe src="${origin}/embed/downloads/" title="chart" width="100%" height="900" style="border:0"></iframe>`
		)
	);
	const frame = page.frameLocator('iframe');
	const source = frame.locator('.chart-sources a').first();
	await expect(source).toBeVisible();
	expect(await source.getAttribute('rel')).toMatch(/noopener/);
	// Keep the test offline: the new tab's request is answered here.
	await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) =>
		route.fulfill({ body: 'source' })
	);
	const [popup] = await Promise.all([context.waitForEvent('page'), source.click()]);
	await popup.close();
	const frameUrl = await page.frames()[1]!.url();
	expect(frameUrl).toBe(`${origin}/embed/downloads/`);
	await expect(frame.locator('.embed-credit a')).toHaveAttribute('target', '_top');
	await expect(frame.locator('.embed-credit')).toContainText(/\S+ · Read the full explainer/);
});
