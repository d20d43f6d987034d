import { expect, type Page } from '@playwright/test';
import { projectStory } from './support/project-data';
import { chartShows, openStory, runsOf, test } from './support/story';

// Listed from src/content/story.aml, in runs of a few steps per test: every step in one test outgrew
// 30 s on a busy 2-core machine. The first test checks the built page has the same steps.
const STEPS = projectStory().steps.map((step) => ({ n: String(step.n), chart: step.chart }));

/**
 * Records, from now on, each change to the sticky chart's markup. Called once a step change has landed:
 * a state swapped in one go changes nothing after that, while a JavaScript tween goes on changing
 * attributes frame after frame.
 */
async function watchChart(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { __batches: string[]; __watcher?: MutationObserver };
		w.__watcher?.disconnect();
		w.__batches = [];
		const describe = (record: MutationRecord) => {
			const el = record.target as Element;
			return `${record.type} ${record.attributeName ?? ''} on ${el.nodeName?.toLowerCase()}.${el.getAttribute?.('class') ?? ''}`;
		};
		w.__watcher = new MutationObserver((records) => w.__batches.push(describe(records[0]!)));
		w.__watcher.observe(document.querySelector('.sticky')!, {
			subtree: true,
			attributes: true,
			childList: true,
			characterData: true
		});
	});
}

/** Lets a few frames go by, so a tween or a transition would have started. */
const frames = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				let left = 5;
				const tick = () => (--left ? requestAnimationFrame(tick) : resolve());
				requestAnimationFrame(tick);
			})
	);

async function step(page: Page, n: string, how: 'scroll' | 'focus') {
	const item = page.locator(`li.step#step-${n}`);
	if (how === 'focus') await item.focus();
	else await item.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
	await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', n);
	await chartShows(page, n);
}

test.describe('prefers-reduced-motion: reduce', () => {
	test.beforeEach(async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
	});

	test('the page has the steps of the story file', async ({ page }) => {
		const steps = await openStory(page);
		expect(steps.map(({ n, chart }) => ({ n, chart }))).toEqual(STEPS);
	});

	// Each step is reached from the one before, as a reader moves on: by scroll and by keyboard focus in
	// turn. A run opens on the step before its first by that step's link.
	for (const run of runsOf(STEPS)) {
		test(`no change to steps ${run[0]!.n}–${run.at(-1)!.n} animates the chart (by scroll and by focus)`, async ({
			page
		}) => {
			const first = STEPS.indexOf(run[0]!);
			await openStory(page, first > 0 ? STEPS[first - 1]!.n : undefined);
			for (const { n } of run) {
				const how = STEPS.findIndex((listed) => listed.n === n) % 2 ? 'focus' : 'scroll';
				await step(page, n, how);
				await watchChart(page);
				await frames(page);
				expect(
					await page.evaluate(() => document.getAnimations().map((a) => a.constructor.name)),
					`step ${n}: no CSS transition, CSS animation or Web Animation`
				).toEqual([]);
				const batches = await page.evaluate(
					() => (window as unknown as { __batches: string[] }).__batches
				);
				expect(batches, `step ${n}: the chart changed in one go, not frame by frame`).toEqual([]);

				const moving = await page.locator('.sticky').evaluate((sticky) =>
					Array.from(sticky.querySelectorAll('*'))
						.map((el) => ({ el, style: getComputedStyle(el) }))
						.filter(
							({ style }) =>
								style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
								style.animationName !== 'none'
						)
						.map(({ el }) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`)
				);
				expect(moving, `step ${n}: every mark has transition-duration 0s`).toEqual([]);
			}
		});
	}

	test('the page declares no smooth scrolling', async ({ page }) => {
		await page.goto('/');
		expect(
			await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)
		).toBe('auto');
	});
});

test.describe('with motion allowed (the control for the test above)', () => {
	test('one step on, the chart does transition', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		const steps = await openStory(page);
		// The first two steps of the same chart a single step apart: a small move, so not a jump.
		const pair = steps.findIndex((s, i) => i > 0 && steps[i - 1]!.chart === s.chart);
		expect(pair).toBeGreaterThan(0);
		await step(page, steps[pair - 1]!.n, 'scroll');
		await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
		// Counted as they start: on a busy machine a short transition can be over before the step's
		// state is confirmed, so what is still running then proves nothing either way.
		await page.evaluate(() => {
			const w = window as unknown as { __transitions: number };
			w.__transitions = 0;
			document.addEventListener('transitionrun', () => w.__transitions++);
		});
		await step(page, steps[pair]!.n, 'scroll');
		expect(
			await page.evaluate(() => (window as unknown as { __transitions: number }).__transitions)
		).toBeGreaterThan(0);
	});
});
