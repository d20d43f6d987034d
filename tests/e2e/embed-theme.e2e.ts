import { wcagContrast } from 'culori';
import { expect, test, type Browser, type Frame, type Page } from '@playwright/test';
import { startHost, type Host } from './support/embed-host';

/**
 * The embed's theme against real host pages on another origin: a light page, a dark page that says so
 * with `color-scheme`, a dark page that only paints its background, and a page that switches to dark
 * after load, each read under a light and a dark system preference. With /embed.js the frame takes the
 * host's theme; the text, marks and focus ring then meet WCAG AA against what is actually behind them.
 */
type Theme = 'light' | 'dark';

const HOSTS: { name: string; head: string; theme: Theme; switchTo?: Theme }[] = [
	{ name: 'light page', head: '<style>body{background:#fff;color:#111}</style>', theme: 'light' },
	{ name: 'dark via color-scheme', head: '<style>:root{color-scheme:dark}</style>', theme: 'dark' },
	{
		name: 'dark background only',
		head: '<style>body{background:#15181d;color:#e8e8e8}</style>',
		theme: 'dark'
	},
	{
		name: 'switches to dark after load',
		head: '<style>body{background:#fdfdfd}html.night body{background:#101114;color:#eee}</style>',
		theme: 'light',
		switchTo: 'dark'
	}
];

let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

/** The site under test as `localhost`: another origin than the 127.0.0.1 host pages. */
const embedOrigin = (baseURL: string) => {
	const url = new URL(baseURL);
	url.hostname = 'localhost';
	return url.origin;
};

const code = (origin: string, path: string, script = true) =>
	`<iframe src="${origin}${path}" title="chart" loading="lazy" width="100%" height="640" style="border:0"></iframe>` +
	(script ? `<script src="${origin}/embed.js" async></script>` : '');

interface Colours {
	theme: string | undefined;
	/** The frame's own background, or the host's behind it when the frame paints none. */
	background: string;
	text: { name: string; colour: string }[];
	marks: { name: string; colour: string }[];
}

/** Every colour a reader must tell apart from the background, as the browser computed it. */
async function colours(page: Page, frame: Frame): Promise<Colours> {
	const own = await frame.evaluate(() => {
		const css = (el: Element | null, prop: string) =>
			el ? getComputedStyle(el).getPropertyValue(prop) : '';
		const pick = (selector: string) => document.querySelector(selector);
		const text = [
			['title', '.chart-title'],
			['description', '.chart-dek'],
			['source link', '.chart-sources a'],
			['notes', '.chart-notes'],
			['credit', '.embed-credit'],
			['explainer link', '.embed-credit a']
		].map(([name, selector]) => ({ name: name!, colour: css(pick(selector!), 'color') }));
		const axis = pick('.plot .axis text');
		if (axis) text.push({ name: 'axis label', colour: css(axis, 'fill') });
		// A marker's shape is drawn in its currentColor (hollow ones fill with the background); bars in fill.
		const marks = Array.from(document.querySelectorAll('.plot .marker, .plot .bar'))
			.filter((el) => !el.closest('.is-hidden'))
			.slice(0, 6)
			.map((el, i) => ({
				name: `mark ${i + 1}`,
				colour: css(el, el.classList.contains('marker') ? 'color' : 'fill')
			}))
			.filter((m) => m.colour.startsWith('rgb'));
		// The focus ring is drawn in --highlight (base.css).
		marks.push({ name: 'focus ring', colour: css(document.documentElement, '--highlight').trim() });
		return {
			theme:
				document.documentElement.dataset.theme ??
				document.querySelector<HTMLElement>('.embed')?.dataset.theme,
			frameBackground: css(document.documentElement, 'background-color'),
			text,
			marks
		};
	});
	const transparent = /rgba\(.*,\s*0\)$|transparent/.test(own.frameBackground);
	const background = transparent
		? await page
				.locator('iframe')
				.first()
				.evaluate((iframe) => {
					for (let el = iframe.parentElement; el; el = el.parentElement) {
						const bg = getComputedStyle(el).backgroundColor;
						if (!/rgba\(.*,\s*0\)$|transparent/.test(bg)) return bg;
					}
					// The canvas: dark when the page's color-scheme is dark.
					return /dark/.test(getComputedStyle(document.documentElement).colorScheme)
						? 'rgb(18, 18, 18)'
						: 'rgb(255, 255, 255)';
				})
		: own.frameBackground;
	return { theme: own.theme, background, text: own.text, marks: own.marks };
}

function expectContrast(c: Colours, where: string) {
	for (const { name, colour } of c.text)
		expect(
			wcagContrast(colour, c.background),
			`${where}: ${name} ${colour} on ${c.background}`
		).toBeGreaterThanOrEqual(4.5);
	for (const { name, colour } of c.marks)
		expect(
			wcagContrast(colour, c.background),
			`${where}: ${name} ${colour} on ${c.background}`
		).toBeGreaterThanOrEqual(3);
}

const isDark = (colour: string) => wcagContrast(colour, '#000') < wcagContrast(colour, '#fff');

async function frameOf(page: Page): Promise<Frame> {
	const frame = await (await page.locator('iframe').first().elementHandle())!.contentFrame();
	await frame!.waitForSelector('[data-embed-id]');
	return frame!;
}

async function openHost(browser: Browser, scheme: Theme, url: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ colorScheme: scheme, javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(url);
	return { context, page, frame: await frameOf(page) };
}

for (const scheme of ['light', 'dark'] as const) {
	for (const hostCase of HOSTS) {
		test(`/embed.js on a ${hostCase.name}, ${scheme} system: the embed takes the host's theme`, async ({
			browser,
			baseURL
		}) => {
			const origin = embedOrigin(baseURL!);
			const url = host.page(
				`<p>Article.</p><div id="embed">${code(origin, '/embed/isp-actions/')}</div>`,
				hostCase.head
			);
			const { context, page, frame } = await openHost(browser, scheme, url);
			const where = `${hostCase.name}, ${scheme} system`;
			const expectTheme = async (theme: Theme, label: string) => {
				await expect
					.poll(async () => (await colours(page, frame)).theme, `${label}: theme`)
					.toBe(theme);
				const c = await colours(page, frame);
				expect(isDark(c.background), `${label}: background ${c.background} is ${theme}`).toBe(
					theme === 'dark'
				);
				expectContrast(c, label);
			};
			await expectTheme(hostCase.theme, where);
			if (hostCase.switchTo) {
				await page.evaluate(() => document.documentElement.classList.add('night'));
				await expectTheme(hostCase.switchTo, `${where}, after the switch`);
			}
			// Heights still settle with the theme in play.
			await expect
				.poll(async () => {
					const box = (await page.locator('iframe').boundingBox())!.height;
					const content = await frame.evaluate(
						() => document.documentElement.getBoundingClientRect().height
					);
					return Math.abs(box - content) <= 2;
				})
				.toBe(true);
			await context.close();
		});
	}
}

test('with no script anywhere, a theme fixed in the address holds against the system preference', async ({
	browser,
	baseURL
}) => {
	const origin = embedOrigin(baseURL!);
	for (const [scheme, theme] of [
		['light', 'dark'],
		['dark', 'light']
	] as const) {
		const head = theme === 'dark' ? '<style>body{background:#15181d}</style>' : '';
		const url = host.page(code(origin, `/embed/downloads/${theme}/`, false), head);
		const { context, page, frame } = await openHost(browser, scheme, url, false);
		const c = await colours(page, frame);
		expect(isDark(c.background), `${theme} embed on a ${scheme} system`).toBe(theme === 'dark');
		expectContrast(c, `${theme} embed, no script, ${scheme} system`);
		await context.close();
	}
});

test('without /embed.js, auto follows the reader’s system preference', async ({
	browser,
	baseURL
}) => {
	const origin = embedOrigin(baseURL!);
	for (const scheme of ['light', 'dark'] as const) {
		const { context, page, frame } = await openHost(
			browser,
			scheme,
			host.page(code(origin, '/embed/timeline/', false))
		);
		const c = await colours(page, frame);
		expect(isDark(c.background), `${scheme} system`).toBe(scheme === 'dark');
		expectContrast(c, `no loader, ${scheme} system`);
		await context.close();
	}
});

test('transparent: the host’s background shows through, and the text holds on it', async ({
	browser,
	baseURL
}) => {
	const origin = embedOrigin(baseURL!);
	const url = host.page(
		`<div id="embed">${code(origin, '/embed/downloads/?theme=dark&transparent')}</div>`,
		'<style>body{background:#243447;color:#fff}</style>'
	);
	const { context, page, frame } = await openHost(browser, 'light', url);
	const own = await frame.evaluate(
		() => getComputedStyle(document.documentElement).backgroundColor
	);
	expect(own).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
	const c = await colours(page, frame);
	expect(c.background).toBe('rgb(36, 52, 71)');
	expectContrast(c, '?theme=dark&transparent on #243447');
	await context.close();
});

test('a step takes a fixed theme from its query, and keeps it whatever the host paints', async ({
	browser,
	baseURL,
	request
}) => {
	const origin = embedOrigin(baseURL!);
	const html = await (await request.get('/')).text();
	const [, n, chart] = /data-step="(\d+)" data-chart="([a-z-]+)"/.exec(html)!;
	const url = host.page(
		`<div id="embed">${code(origin, `/embed/${chart}/${n}/?theme=dark`)}</div>`,
		'<style>body{background:#fff}</style>'
	);
	const { context, page, frame } = await openHost(browser, 'light', url);
	await expect.poll(async () => (await colours(page, frame)).theme).toBe('dark');
	// /embed.js has told it the host is light by now; the fixed theme stands.
	await page.waitForTimeout(500);
	const c = await colours(page, frame);
	expect(isDark(c.background)).toBe(true);
	expectContrast(c, `step ${n}, ?theme=dark on a light host`);
	await context.close();
});

test('plain: our title leaves the screen but stays a heading for screen readers', async ({
	page
}) => {
	await page.goto('/embed/downloads/?plain');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\S/);
	expect((await page.locator('.chart-head').boundingBox())!.height).toBeLessThanOrEqual(1);
	await page.goto('/embed/downloads/');
	expect((await page.locator('.chart-head').boundingBox())!.height).toBeGreaterThan(10);
});
