import { expect, test, type Frame, type Page } from '@playwright/test';
import { startHost, type HostMode } from './support/embed-host';

/**
 * Each chart framed by a host page on another origin, the four ways newsrooms do it: pym.js's own
 * parent (from the npm package), our /embed.js (beside a hostile frame forging height messages), an
 * AMP-style resizer, and a plain iframe with no script at all.
 */
const CHARTS = ['downloads', 'isp-actions', 'timeline'] as const;
const MODES: HostMode[] = ['pym', 'loader', 'amp', 'plain'];
/** 320 → 600 → 1000 → back to 320: growing and shrinking containers, without a window resize. */
const WIDTHS = [320, 600, 1000, 320];

let host: Awaited<ReturnType<typeof startHost>>;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

/** The site under test, but as `localhost`: another origin than the 127.0.0.1 host pages. */
function embedOrigin(baseURL: string): string {
	const url = new URL(baseURL);
	url.hostname = 'localhost';
	return url.origin;
}

interface Measure {
	frame: number;
	content: number;
	scrollbars: boolean;
	/** Bottom of the chart title and of the plot, inside the frame. */
	titleBottom: number;
	plotBottom: number;
}

async function embedFrame(page: Page): Promise<Frame> {
	const handle = await page.locator('#embed iframe').elementHandle();
	const frame = await handle!.contentFrame();
	await frame!.waitForSelector('[data-embed-id]');
	return frame!;
}

async function measure(page: Page, frame: Frame): Promise<Measure> {
	const box = await page.locator('#embed iframe').evaluate((el) => el.getBoundingClientRect());
	const inner = await frame.evaluate(() => {
		const html = document.documentElement;
		const title = document.querySelector('h1')!.getBoundingClientRect();
		// The timeline draws two plots and shows the one that suits the width.
		const plots = Array.from(document.querySelectorAll('.plot'), (el) =>
			el.getBoundingClientRect()
		);
		const plot = plots.find((rect) => rect.height > 0)!;
		return {
			content: html.getBoundingClientRect().height,
			scrollbars: html.scrollHeight > html.clientHeight || html.scrollWidth > html.clientWidth,
			titleBottom: title.bottom,
			plotBottom: plot.bottom
		};
	});
	return { frame: box.height, ...inner };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const chart of CHARTS) {
	test(`${chart}: sized to its content under pym.js, /embed.js and AMP; whole without a script`, async ({
		browser,
		baseURL,
		request
	}) => {
		test.setTimeout(120_000);
		const origin = embedOrigin(baseURL!);
		const oembed = await (await request.get(`/embed/${chart}/oembed.json`)).json();
		// The code exactly as journalists copy it, made absolute as on a build with PUBLIC_SITE_URL.
		const code = String(oembed.html).replace(/(src|href)="\//g, `$1="${origin}/`);
		const declared = Number(/height="(\d+)"/.exec(code)?.[1]);
		expect(declared, 'the embed code has a numeric height').toBeGreaterThan(0);

		const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
		const pages = new Map<HostMode, { page: Page; frame: Frame }>();
		for (const mode of MODES) {
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await page.goto(
				host.url({ mode, src: `${origin}/embed/${chart}/`, code, width: WIDTHS[0]! })
			);
			pages.set(mode, { page, frame: await embedFrame(page) });
		}
		const forged = pages.get('loader')!.page;
		await forged.evaluate(() => {
			const w = window as unknown as { forged: number };
			w.forged = 0;
			const hostile = document.querySelector<HTMLIFrameElement>('#hostile')!;
			addEventListener('message', (e) => {
				if (e.source === hostile.contentWindow) w.forged++;
			});
		});

		const report: string[] = [];
		for (const width of WIDTHS) {
			for (const { page } of pages.values())
				await page.locator('#embed').evaluate((el, w) => (el.style.width = `${w}px`), width);
			const settled = new Map<HostMode, Measure>();
			for (const [mode, { page, frame }] of pages) {
				if (mode === 'plain') {
					const m = await measure(page, frame);
					expect(m.frame, `plain iframe keeps its height attribute at ${width}px`).toBe(declared);
					expect(m.titleBottom, `plain iframe at ${width}px: title not cut`).toBeLessThan(declared);
					expect(m.plotBottom, `plain iframe at ${width}px: chart not cut`).toBeLessThan(declared);
					await expect(
						frame.locator('.plot svg.layercake-layout-svg').filter({ visible: true })
					).toHaveCount(1);
					if (width === 320)
						expect(
							m.content,
							`at 320 px the whole ${chart} page (${Math.ceil(m.content)} px) must fit the embed code's height (src/lib/embed/heights.ts estimates it from the page's blocks)`
						).toBeLessThanOrEqual(declared);
					settled.set(mode, m);
					continue;
				}
				await expect
					.poll(
						async () => {
							const m = await measure(page, frame);
							return Math.abs(m.frame - m.content) <= 2 && m.content > 100 && !m.scrollbars;
						},
						{
							message: `${mode} at ${width}px: frame height follows content, no scrollbar`,
							timeout: 10_000
						}
					)
					.toBe(true);
				const m = await measure(page, frame);
				expect(m.scrollbars, `${mode} at ${width}px: no scrollbar inside the frame`).toBe(false);
				settled.set(mode, m);
			}
			await sleep(1500);
			for (const [mode, { page, frame }] of pages) {
				const later = await measure(page, frame);
				expect(later.frame, `${mode} at ${width}px: height stable 1.5 s later`).toBe(
					settled.get(mode)!.frame
				);
				expect(later.scrollbars).toBe(false);
			}
			report.push(
				`${width}px: ` +
					MODES.map((mode) => `${mode} ${Math.round(settled.get(mode)!.frame)}`).join(', ') +
					` (content ${Math.ceil(settled.get('amp')!.content)})`
			);
		}
		expect(
			await forged.evaluate(() => (window as unknown as { forged: number }).forged),
			'the hostile frame did post forged heights'
		).toBeGreaterThan(10);

		// What the child sent the AMP host: every height in all four formats, whole, never repeated.
		const received = await pages
			.get('amp')!
			.page.evaluate(() => (window as unknown as { received: unknown[] }).received);
		const amp = received.filter(
			(d): d is { height: number } => typeof d === 'object' && d !== null && 'sentinel' in d
		);
		const heights = amp.map((d) => d.height);
		expect(heights.every(Number.isInteger)).toBe(true);
		expect(
			heights.filter((h, i) => h === heights[i - 1]),
			'no repeated heights'
		).toEqual([]);
		for (const height of heights) {
			expect(received).toContainEqual({ 'datawrapper-height': { [chart]: height } });
			expect(received).toContain(
				JSON.stringify({ src: `${origin}/embed/${chart}/`, context: 'iframe.resize', height })
			);
			expect(
				received.some((d) => typeof d === 'string' && d.endsWith(`xPYMxheightxPYMx${height}`))
			).toBe(true);
		}
		console.log(`${chart} heights (pym, loader, amp, plain):\n  ${report.join('\n  ')}`);
		await context.close();
	});
}
