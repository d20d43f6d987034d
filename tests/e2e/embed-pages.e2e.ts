import { expect, test } from '@playwright/test';
import { startHost, type Host } from './support/embed-host';

/** The embed pages themselves, their discovery metadata, the gallery and the loader's edge cases. */
const CHARTS = ['downloads', 'isp-actions', 'timeline'] as const;

let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

async function firstStepOf(request: import('@playwright/test').APIRequestContext, chart: string) {
	const html = await (await request.get('/')).text();
	const n = new RegExp(`data-step="(\\d+)" data-chart="${chart}"`).exec(html)?.[1];
	expect(n, `the story has a step showing ${chart}`).toBeTruthy();
	return n!;
}

for (const chart of CHARTS) {
	test(`/embed/${chart}/: framed chart, data link, snapshot and oEmbed, with no JavaScript`, async ({
		browser,
		request
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/embed/${chart}/`);
		const headings = page.locator('h1, h2, h3');
		await expect(headings.first()).toHaveClass(/chart-title/);
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('.chart-dek')).not.toBeEmpty();
		await expect(page.locator('.chart-sources')).toContainText('Source');
		await expect(page.locator('.chart-meta time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\d$/);
		await expect(page.locator('svg.layercake-layout-svg').first()).toBeAttached();
		await expect(page.getByRole('link', { name: 'Read the full explainer' })).toHaveAttribute(
			'href',
			/\/$/
		);
		const csv = await request.get(
			(await page.locator('a.get-data').getAttribute('href')) ?? 'missing'
		);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('csv');

		const og = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(og).toMatch(new RegExp(`/snapshots/${chart}\\.png$`));
		const png = await request.get(og!);
		expect(png.headers()['content-type']).toBe('image/png');
		expect((await png.body()).readUInt32BE(16), 'snapshot width').toBe(1200);

		const oembedHref = await page
			.locator('link[rel="alternate"][type="application/json+oembed"]')
			.getAttribute('href');
		const oembed = await (await request.get(oembedHref!)).json();
		expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: 600 });
		expect(oembed.html).toMatch(
			new RegExp(
				`^<iframe src="[^"]*/embed/${chart}/" title="[^"]+" loading="lazy" width="100%" height="\\d+" style="border:0"></iframe>\\n<script src="[^"]*/embed.js" async></script>$`
			)
		);
		// Without PUBLIC_SITE_URL there is no absolute address to give, and a relative canonical is
		// rejected by search engines: the page then has none (with it, see the unit tests of site.ts).
		const canonical = page.locator('link[rel="canonical"]');
		if (await canonical.count()) {
			expect(await canonical.getAttribute('href')).toMatch(
				new RegExp(`^https?://.+/embed/${chart}/$`)
			);
		} else {
			expect(og!.startsWith('http')).toBe(false);
		}
		await context.close();
	});
}

test('no horizontal scrolling from 280 to 1200 px, and no height taken from the frame', async ({
	page
}) => {
	for (const chart of CHARTS) {
		for (const width of [280, 1200]) {
			const heights: number[] = [];
			for (const height of [300, 2000]) {
				await page.setViewportSize({ width, height });
				await page.goto(`/embed/${chart}/`);
				const m = await page.evaluate(() => ({
					overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
					margin: getComputedStyle(document.body).margin,
					height: document.documentElement.getBoundingClientRect().height
				}));
				expect(m.overflow, `${chart} at ${width}px scrolls sideways`).toBe(0);
				expect(m.margin).toBe('0px');
				heights.push(m.height);
			}
			expect(heights[0], `${chart} at ${width}px: content height follows the frame's`).toBe(
				heights[1]
			);
		}
	}
});

test('?step=<n> opens the step state with JavaScript; the default state without', async ({
	browser,
	request
}) => {
	const n = await firstStepOf(request, 'timeline');
	const stepHtml = await (await request.get(`/embed/timeline/${n}/`)).text();
	const stepLabel = /aria-label="([^"]+)"/.exec(stepHtml)?.[1];
	const withJs = await browser.newPage();
	await withJs.goto(`/embed/timeline/?step=${n}&childId=x`);
	await expect(withJs).toHaveURL(new RegExp(`/embed/timeline/${n}/\\?childId=x$`));
	expect(await withJs.locator('svg[aria-label]').first().getAttribute('aria-label')).toBe(
		stepLabel?.replaceAll('&amp;', '&').replaceAll('&quot;', '"')
	);
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const page = await noJs.newPage();
	await page.goto(`/embed/timeline/?step=${n}`);
	await expect(page).toHaveURL(/\/embed\/timeline\/\?step=/);
	await expect(page.locator('svg.layercake-layout-svg').first()).toBeAttached();
	await withJs.close();
	await noJs.close();
});

test('the gallery gives each chart copyable code and live previews at phone and desktop widths', async ({
	page,
	context,
	request,
	baseURL
}) => {
	const html = await (await request.get('/embed/')).text();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/embed/');
	const origin = new URL(baseURL!).origin;
	for (const chart of CHARTS) {
		// In the HTML as text before any script runs…
		expect(html).toContain(`&lt;iframe src="/embed/${chart}/"`);
		const field = page.locator(`#code-${chart}-iframe`);
		// …and made absolute from the page's origin once it does (no PUBLIC_SITE_URL here).
		await expect(field).toHaveValue(
			new RegExp(
				`^<iframe src="${origin}/embed/${chart}/"[^]*<script src="${origin}/embed.js" async></script>$`
			)
		);
		await expect(page.locator(`#code-${chart}-pym`)).toHaveValue(/data-pym-src=/);
		await expect(page.locator(`#code-${chart}-datawrapper`)).toHaveValue(/datawrapper-height/);
		await page.locator(`button[data-copy="code-${chart}-iframe"]`).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			await field.inputValue()
		);

		for (const iframe of await page.locator(`#${chart} .preview iframe`).all()) {
			await iframe.scrollIntoViewIfNeeded();
			const frame = (await (await iframe.elementHandle())!.contentFrame())!;
			await frame.waitForSelector('[data-embed-id]');
			await expect
				.poll(async () => {
					const content = await frame.evaluate(
						() => document.documentElement.getBoundingClientRect().height
					);
					const box = (await iframe.boundingBox())!.height;
					return Math.abs(box - content) <= 2;
				})
				.toBe(true);
		}
	}
});

test('the explainer offers "Embed this chart" with the code as text', async ({ page, request }) => {
	const html = await (await request.get('/')).text();
	for (const chart of CHARTS) expect(html).toContain(`id="embed-code-${chart}"`);
	await page.goto('/');
	// Once per chart, under "How this was made", out of the sticky panel.
	const chart = await page.locator('.sticky-chart.is-active').getAttribute('data-sticky');
	await expect(page.locator('.sticky details.embed-tool')).toHaveCount(0);
	const tool = page.locator(`#after-story details.embed-tool:has(#embed-code-${chart})`);
	await tool.evaluate((details: HTMLDetailsElement) => (details.open = true));
	await expect(tool.locator('textarea')).toHaveValue(/^<iframe src="http[^"]+\/embed\/[a-z-]+\/"/);
	await expect(tool.locator('button[data-copy]')).toBeVisible();
});

test('/embed.js included twice sizes each frame once, and loads data-src frames near the viewport', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(
		host.page(
			`<iframe id="a" src="${origin}/embed/downloads/" width="100%" height="640" style="border:0"></iframe>` +
				`<script src="${origin}/embed.js"></script>` +
				`<iframe id="b" src="${origin}/embed/timeline/" width="100%" height="1040" style="border:0"></iframe>` +
				`<script src="${origin}/embed.js"></script>` +
				`<div style="height:4000px"></div><iframe id="c" data-src="${origin}/embed/isp-actions/" width="100%" height="1160"></iframe>` +
				`<script src="${origin}/embed.js"></script>`
		)
	);
	for (const id of ['a', 'b']) {
		const frame = page.frameLocator(`#${id}`);
		await expect(frame.locator('h1')).toBeVisible();
		await expect
			.poll(async () => {
				const content = await frame
					.locator('html')
					.evaluate((el) => el.getBoundingClientRect().height);
				return Math.abs((await page.locator(`#${id}`).boundingBox())!.height - content) <= 2;
			})
			.toBe(true);
	}
	expect(await page.locator('#c').getAttribute('src'), 'not loaded while far away').toBeNull();
	await page.locator('#c').scrollIntoViewIfNeeded();
	await expect(page.locator('#c')).toHaveAttribute('src', `${origin}/embed/isp-actions/`);
	expect(
		await page.evaluate(() =>
			Object.keys((window as unknown as { __piracyEmbeds: object }).__piracyEmbeds)
		)
	).toHaveLength(1);
	expect(errors).toEqual([]);
});
