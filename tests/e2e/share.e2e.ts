import { expect, test } from '@playwright/test';

/** Share pages and link-preview cards: `/`, one page per story step, and the share control. */
async function png(request: import('@playwright/test').APIRequestContext, url: string) {
	const response = await request.get(url);
	expect(response.headers()['content-type']).toBe('image/png');
	const body = await response.body();
	return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test('the story page carries a title, description, 1200×630 card and twitter card for link previews', async ({
	page,
	request
}) => {
	await page.goto('/');
	const headline = (await page.locator('h1').textContent())!.trim();
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', headline);
	await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /\S/);
	await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
		'content',
		'summary_large_image'
	);
	const image = await page.locator('meta[property="og:image"]').getAttribute('content');
	expect(await png(request, image!)).toEqual({ width: 1200, height: 630 });
	const canonical = page.locator('link[rel="canonical"]');
	if (await canonical.count()) await expect(canonical).toHaveAttribute('href', /^https?:\/\/.+\/$/);
	else expect(image!.startsWith('http'), 'no origin configured, so no canonical').toBe(false);
});

test('each step has a share page with its own title and card, leading to the step', async ({
	browser,
	request
}) => {
	const html = await (await request.get('/')).text();
	const steps = Array.from(html.matchAll(/data-step="(\d+)"/g), (m) => m[1]!);
	expect(steps.length).toBeGreaterThan(0);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const titles = new Set<string>();
	for (const n of steps) {
		const response = await request.get(`/step/${n}/`);
		expect(response.status()).toBe(200);
		const share = await response.text();
		const meta = (property: string) =>
			new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(share)?.[1];
		titles.add(meta('og:title')!);
		expect(meta('og:image')).toMatch(new RegExp(`/snapshots/step-${n}-share\\.png$`));
		expect(await png(request, meta('og:image')!)).toEqual({ width: 1200, height: 630 });
		expect(meta('twitter:card')).toBe('summary_large_image');
		expect(share).toMatch(
			new RegExp(`<meta http-equiv="refresh" content="0; url=[^"]*/#step-${n}"`)
		);
		expect(share).toMatch(new RegExp(`<a href="[^"]*/#step-${n}">`));
		const canonical = /<link rel="canonical" href="([^"]*)"/.exec(share)?.[1];
		if (canonical) expect(canonical).toMatch(/^https?:\/\/.+\/$/);
	}
	expect(titles.size, 'every step has its own title').toBe(steps.length);
	// A reader following a shared link lands on the step in the story.
	await page.goto(`/step/${steps.at(-1)}/`);
	await expect(page).toHaveURL(new RegExp(`/#step-${steps.at(-1)}$`));
	await context.close();
});

test('the share control copies the step’s share address where there is no share sheet', async ({
	page,
	context,
	baseURL
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.addInitScript(() => {
		// Desktop Chromium on Linux has no Web Share API; make sure of it.
		Object.defineProperty(navigator, 'share', { value: undefined });
	});
	await page.goto('/');
	const link = page.locator('#step-2 a[data-share-step]');
	await link.scrollIntoViewIfNeeded();
	await link.click();
	await expect(page.locator('#step-2 .share-status')).toHaveText('Link copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		new URL('/step/2/', baseURL).href
	);
	await expect(page).not.toHaveURL(/\/step\//);
});

test('the address bar follows the active step without adding history entries', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	const before = await page.evaluate(() => history.length);
	for (const n of [3, 5]) {
		await page.locator(`#step-${n}`).focus();
		await expect(page).toHaveURL(new RegExp(`/#step-${n}$`));
	}
	expect(await page.evaluate(() => history.length)).toBe(before);
});
