import { expect, test as base, type Page } from '@playwright/test';

/** The two widths the story is designed for: a small phone and a laptop. */
export const VIEWPORTS = [
	{ name: 'phone', width: 375, height: 800 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

/** What a step's chart should show, read from the prerendered /story-states.json. */
export interface StepState {
	/** The svg's text alternative, which names the highlighted marks. */
	label: string;
	/** The text of each numbered callout under the chart. */
	callouts: string[];
	/** Marks the state highlights (each a row's mark). */
	highlights: number;
}

/**
 * Fails the test on any console error or uncaught exception: a reader never sees those, but they are
 * how a broken enhancement shows up before the page visibly breaks.
 */
export const test = base.extend<{ pageErrors: string[] }>({
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(`console: ${message.text()}`);
			});
			page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
			await use(errors);
			expect(errors, 'console errors and uncaught exceptions').toEqual([]);
		},
		{ auto: true }
	]
});

/**
 * Reads every step's expected chart state the way the story script does: from /story-states.json, each
 * state's markup parsed by the browser's own HTML parser (in a <template>) rather than by a regex.
 */
export async function readStoryStates(page: Page): Promise<Map<string, StepState>> {
	const entries = await page.evaluate(async () => {
		const root = document.querySelector<HTMLElement>('[data-scrolly]');
		const response = await fetch(root?.dataset.states ?? '/story-states.json');
		const states = (await response.json()) as Record<string, string>;
		return Object.entries(states).map(([step, markup]) => {
			const template = document.createElement('template');
			template.innerHTML = markup;
			const body = template.content.querySelector('[data-body]');
			return [
				step,
				{
					label: body?.querySelector('svg[aria-label]')?.getAttribute('aria-label') ?? '',
					callouts: Array.from(body?.querySelectorAll('ol.callouts li') ?? [], (li) =>
						(li.textContent ?? '').replace(/\s+/g, ' ').trim()
					),
					highlights: body?.querySelectorAll('[data-row].is-hl').length ?? 0
				}
			] as const;
		});
	});
	return new Map(entries);
}

/** Each step's attributes, in story order. */
export async function readSteps(page: Page) {
	return page.locator('li.step').evaluateAll((items) =>
		items.map((item) => ({
			n: item.getAttribute('data-step')!,
			chart: item.getAttribute('data-chart')!,
			announce: item.getAttribute('data-announce') ?? ''
		}))
	);
}

/** The highlighted-mark selector for each chart id. */
export const HIGHLIGHT: Record<string, string> = {
	downloads: 'g.bar-row.is-hl',
	'isp-actions': 'g.action.is-hl',
	timeline: 'g.event.is-hl'
};

/** Waits for the story script to have fetched its states, after which steps change the chart. */
export async function waitForEnhanced(page: Page) {
	await expect(page.locator('section[data-scrolly]')).toHaveClass(/\bis-ready\b/, {
		timeout: 10_000
	});
}

/** Scrolls step `n` to the middle of the screen and waits for the story to make it the active step. */
export async function scrollToStep(page: Page, n: string) {
	await page
		.locator(`li.step#step-${n}`)
		.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
	await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', n);
	await chartShows(page, n);
}

/**
 * Waits for the chart on screen to have finished changing to step `n`'s state (the story spreads a
 * change over a few frames); a story whose states did not load keeps its charts as they are.
 */
export async function chartShows(page: Page, n: string) {
	if (await page.locator('section[data-scrolly].is-ready').count())
		await expect(page.locator('.sticky-chart.is-active')).toHaveAttribute('data-shows', n);
}

/**
 * Opens the story (at step `n` by its link, when given), waits for its script to be ready and, for a
 * link, for the chart to show that step; returns the steps in order.
 */
export async function openStory(page: Page, n?: string) {
	await page.goto(n ? `/#step-${n}` : '/');
	await waitForEnhanced(page);
	if (n) {
		await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', n);
		await chartShows(page, n);
	}
	return readSteps(page);
}

/**
 * The steps in runs of `size`, for tests that walk a few steps each: one test for all of them outgrew
 * 30 s on a busy 2-core machine, and one per step paid a page load (and a scroll from the top) each.
 */
export function runsOf<T>(steps: readonly T[], size = 5): T[][] {
	const runs: T[][] = [];
	for (let start = 0; start < steps.length; start += size)
		runs.push(steps.slice(start, start + size));
	return runs;
}
