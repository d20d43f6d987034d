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

/**
 * Waits in the page, checking every frame, until `selector` has `attribute` `value` (or `timeout` ms
 * have passed), so the assertion that follows passes at its first look: Playwright's own retries sleep
 * 100 ms, then 250 ms, and a step change takes a few frames. The assertion after it still decides.
 */
async function untilAttribute(
	page: Page,
	selector: string,
	attribute: string,
	value: string,
	timeout = 10_000
) {
	await page
		.waitForFunction(
			([selector, attribute, value]) =>
				document.querySelector(selector)?.getAttribute(attribute) === value,
			[selector, attribute, value] as const,
			{ polling: 'raf', timeout }
		)
		.catch(() => undefined);
}

/** Waits for the story script to have fetched its states, after which steps change the chart. */
export async function waitForEnhanced(page: Page) {
	await page
		.waitForFunction(() => document.querySelector('section[data-scrolly].is-ready'), undefined, {
			polling: 'raf',
			timeout: 10_000
		})
		.catch(() => undefined);
	await expect(page.locator('section[data-scrolly]')).toHaveClass(/\bis-ready\b/, {
		timeout: 10_000
	});
}

/** Scrolls step `n` to the middle of the screen and waits for the story to make it the active step. */
export async function scrollToStep(page: Page, n: string) {
	await page
		.locator(`li.step#step-${n}`)
		.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
	await untilAttribute(page, 'section[data-scrolly]', 'data-active-step', n);
	await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', n);
	await chartShows(page, n);
}

/**
 * Waits for the chart on screen to have finished changing to step `n`'s state (the story spreads a
 * change over a few frames); a story whose states did not load keeps its charts as they are.
 */
export async function chartShows(page: Page, n: string) {
	if (await page.locator('section[data-scrolly].is-ready').count()) {
		await untilAttribute(page, '.sticky-chart.is-active', 'data-shows', n);
		await expect(page.locator('.sticky-chart.is-active')).toHaveAttribute('data-shows', n);
	}
}

/**
 * Opens the story (at step `n` by its link, when given), waits for its script to be ready and, for a
 * link, for the chart to show that step; returns the steps in order.
 */
export async function openStory(page: Page, n?: string) {
	await page.goto(n ? `/#step-${n}` : '/');
	await waitForEnhanced(page);
	if (n) {
		await untilAttribute(page, 'section[data-scrolly]', 'data-active-step', n);
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

/** A sticky chart as the page has it once the story has settled on a step. */
export interface SettledChart {
	/** Its chart id (`data-sticky`). */
	chart: string;
	active: boolean;
	/** Its marks' transitions are off (`data-resting`): a chart out of sight changes at once. */
	resting: boolean;
	/** What a pointer at the middle of the stacked charts lands in is inside it. */
	underPointer: boolean;
	/** How many elements in it could take keyboard focus. */
	focusable: number;
	/** Its `aria-hidden`: what screen readers are told. */
	hidden: string | null;
	/** The step whose state its morph last finished on (`data-shows`). */
	shows: string | null;
	/** Its chart body's markup. */
	markup: string;
}

/** The story's steps as the settle helpers need them: number and chart id, in story order. */
type StepCharts = readonly { n: string; chart: string }[];

/**
 * The step whose state each chart should hold once the story has settled on step `index`, as
 * sticky-charts.ts promises: the chart on screen its own; each chart out of sight the next step that
 * shows it (past its last step, the one before), so that switching to it is only a fade.
 */
export function heldSteps(steps: StepCharts, index: number): Record<string, string> {
	const held: Record<string, string> = {};
	for (const { chart } of steps) {
		const uses = (step: { chart: string }) => step.chart === chart;
		const step =
			steps[index]!.chart === chart
				? steps[index]
				: (steps.slice(index + 1).find(uses) ?? steps.slice(0, index).reverse().find(uses));
		if (step) held[chart] = step.n;
	}
	return held;
}

/**
 * Settles the story on step `index` (scrolling it to the middle of the screen first, when `scroll`) and
 * reads the sticky charts. The story changes the chart on screen over a few frames, toggles `data-resting`
 * and `aria-hidden` a few frames after the step changes, then brings the charts out of sight to their next
 * state a slice per frame, each getting `data-shows` when done. So this waits, in the page and a frame
 * at a time (Playwright's retries would sleep 100–250 ms between looks), for the story to be ready on
 * the step, for those signals (only the step's chart active, taking focus and read out; each chart's
 * `data-shows` the step `heldSteps` names) and then for a few frames in which nothing in the charts
 * changed: a chart sent back to a state it held before keeps that `data-shows` while its morph runs.
 * A page that never gets there is read once it has been still for a second (or after 15 s), so the
 * caller's assertions say what is wrong.
 */
export async function settledCharts(
	page: Page,
	steps: StepCharts,
	index: number,
	{ scroll = false } = {}
): Promise<{ activeStep: string | null; charts: SettledChart[] }> {
	const { n, chart: active } = steps[index]!;
	return page.evaluate(
		async ({ n, active, held, scroll }) => {
			const root = document.querySelector<HTMLElement>('section[data-scrolly]');
			const charts = Array.from(document.querySelectorAll<HTMLElement>('.sticky-chart'));
			// The story's deferred work runs a job per frame, in a task after the frame is drawn.
			const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
			const deadline = performance.now() + 15_000;
			if (scroll)
				document
					.getElementById(`step-${n}`)
					?.scrollIntoView({ block: 'center', behavior: 'instant' });
			while (
				!(root?.classList.contains('is-ready') && root.dataset.activeStep === n) &&
				performance.now() < deadline
			)
				await frame();

			let changes = 0;
			const observer = new MutationObserver((records) => (changes += records.length));
			for (const chart of charts)
				observer.observe(chart, {
					subtree: true,
					attributes: true,
					childList: true,
					characterData: true
				});
			const ready = () =>
				charts.every((chart) => {
					const id = chart.dataset.sticky!;
					const on = id === active;
					return (
						chart.classList.contains('is-active') === on &&
						chart.hasAttribute('data-resting') === !on &&
						chart.getAttribute('aria-hidden') === String(!on) &&
						(held[id] === undefined || chart.dataset.shows === held[id])
					);
				});
			for (let still = 0; still < (ready() ? 3 : 60) && performance.now() < deadline;) {
				const before = changes;
				await frame();
				still = changes === before ? still + 1 : 0;
			}
			observer.disconnect();
			const stack = charts[0]?.parentElement?.getBoundingClientRect();
			const hit = stack
				? document.elementFromPoint(stack.left + stack.width / 2, stack.top + stack.height / 2)
				: null;
			const FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex]';
			return {
				activeStep: root?.dataset.activeStep ?? null,
				charts: charts.map((chart) => ({
					chart: chart.dataset.sticky!,
					active: chart.classList.contains('is-active'),
					resting: chart.hasAttribute('data-resting'),
					underPointer: Boolean(hit && chart.contains(hit)),
					focusable: chart.querySelectorAll(FOCUSABLE).length,
					hidden: chart.getAttribute('aria-hidden'),
					shows: chart.dataset.shows ?? null,
					markup: chart.querySelector('[data-body]')?.innerHTML ?? ''
				}))
			};
		},
		{ n, active, held: heldSteps(steps, index), scroll }
	);
}

/**
 * Scrolls steps `ns` to the middle of the screen one after the other, as a reader scrolls on, each as
 * soon as the story has made it the active step and the chart on screen has finished changing to it
 * (the charts out of sight are not waited for: their morphs are cut short). Waits in the page, a frame
 * at a time; returns each step's active step and chart state once the wait ended, for the caller to
 * check.
 */
export async function scrollThrough(page: Page, ns: readonly string[]) {
	return page.evaluate(async (ns) => {
		const root = document.querySelector<HTMLElement>('section[data-scrolly]');
		const frame = () => new Promise((done) => requestAnimationFrame(done));
		const seen: { step: string; active: string | null; shows: string | null }[] = [];
		for (const n of ns) {
			document
				.getElementById(`step-${n}`)
				?.scrollIntoView({ block: 'center', behavior: 'instant' });
			const shows = () =>
				document.querySelector<HTMLElement>('.sticky-chart.is-active')?.dataset.shows;
			const deadline = performance.now() + 10_000;
			while (!(root?.dataset.activeStep === n && shows() === n) && performance.now() < deadline)
				await frame();
			seen.push({ step: n, active: root?.dataset.activeStep ?? null, shows: shows() ?? null });
		}
		return seen;
	}, ns);
}
