import { expect } from '@playwright/test';
import { countInWords } from '../../src/lib/charts/shared/format';
import {
	CHART_DATASETS,
	expectedRows,
	projectRows,
	projectStory,
	squash as squashText
} from './support/project-data';
import {
	heldSteps,
	openStory,
	readStoryStates,
	runsOf,
	scrollThrough,
	scrollToStep,
	settledCharts,
	test,
	type SettledChart,
	VIEWPORTS,
	waitForEnhanced
} from './support/story';

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

// What the page must show, read from data/*.csv and the story when the test runs: never typed here.
const rows = projectRows();
const story = projectStory(undefined, rows);
/** The story file's steps, to list one test per step; tests check the built page has the same. */
const STEPS = story.steps.map((step) => ({ n: String(step.n), chart: step.chart }));

/** HTML text as a reader sees it: the entities Svelte escapes, decoded; whitespace collapsed. */
const htmlText = (html: string) =>
	squashText(
		html
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&#39;|&apos;/g, "'")
			.replace(/&amp;/g, '&')
	);

/** Each highlighted label's latest figure in words ("more than 1.2 million"), for a downloads step. */
function latestFigures(labels: readonly string[]): string[] {
	return labels.flatMap((label) => {
		const latest = rows.downloads
			.filter((row) => row.label === label)
			.sort((a, b) => a.as_of.localeCompare(b.as_of))
			.at(-1);
		return latest ? [countInWords(latest.downloads, latest.qualifier)] : [];
	});
}

test.describe('prerendered HTML, before any JavaScript', () => {
	test('the story page carries its first chart as SVG', async ({ request }) => {
		const response = await request.get('/');
		expect(response.status()).toBe(200);
		const html = await response.text();
		const firstChart = html.match(/data-step="1" data-chart="([a-z-]+)"/)?.[1];
		expect(firstChart, 'step 1 names its chart').toBeTruthy();
		const sticky = html.indexOf(`data-sticky="${firstChart}"`);
		expect(sticky, 'the sticky graphic holds the first chart').toBeGreaterThan(-1);
		expect(html.indexOf('<svg', sticky), 'the first chart is drawn on the server').toBeGreaterThan(
			sticky
		);
	});

	for (const chart of CHART_DATASETS) {
		test(`/embed/${chart}/ carries every row of data/${chart}.csv, figures with their qualifiers`, async ({
			request
		}) => {
			const response = await request.get(`/embed/${chart}/`);
			expect(response.status()).toBe(200);
			const html = await response.text();
			expect(html).toContain('<svg');
			const text = htmlText(html);
			const missing = expectedRows(rows, chart).flatMap((row) =>
				row.texts
					.filter((wanted) => !text.includes(squashText(wanted)))
					.map((t) => `${row.key}: ${t}`)
			);
			expect(missing, 'rows whose label or figure is not in the page').toEqual([]);
		});
	}

	test('every step has a prerendered chart state at /embed/<chart>/<n>/', async ({ request }) => {
		const html = await (await request.get('/')).text();
		const steps = Array.from(html.matchAll(/data-step="(\d+)" data-chart="([a-z-]+)"/g), (m) => ({
			n: m[1]!,
			chart: m[2]!
		}));
		expect(steps.length).toBeGreaterThan(0);
		for (const { n, chart } of steps) {
			const response = await request.get(`/embed/${chart}/${n}/`);
			expect(response.status(), `/embed/${chart}/${n}/`).toBe(200);
			expect(await response.text(), `/embed/${chart}/${n}/ has its chart`).toContain('<svg');
		}
	});
});

for (const viewport of VIEWPORTS) {
	test.describe(`with JavaScript, ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		// One page load for both: a load's errors fail any test (the pageErrors fixture).
		test('loads without errors or sideways scrolling, its steps numbered in order, one story state each, as in the story file', async ({
			page
		}) => {
			const steps = await openStory(page);
			await expect(page.locator('li.step[aria-current="step"]')).toHaveCount(1);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(viewport.width);
			const states = await readStoryStates(page);
			expect(steps.map((step) => step.n)).toEqual(
				Array.from({ length: steps.length }, (_, i) => String(i + 1))
			);
			expect(states.size, 'one story state per step').toBe(steps.length);
			expect(steps.map(({ n, chart }) => ({ n, chart }))).toEqual(STEPS);
		});

		// Steps in runs of a few per test (listed from the story file; the test above checks the page has
		// the same). A run opens on the step before its first by that step's link, then scrolls down one
		// step at a time, so every step is reached from the one before, as a reader scrolls, without a
		// page load per step or scrolling the whole story again for each.
		for (const run of runsOf(STEPS)) {
			test(`steps ${run[0]!.n}–${run.at(-1)!.n}, each scrolled to from the step before, drive the sticky chart to their states`, async ({
				page
			}) => {
				const first = STEPS.indexOf(run[0]!);
				const steps = await openStory(page, first > 0 ? STEPS[first - 1]!.n : undefined);
				const states = await readStoryStates(page);
				for (const index of run.map((listed) => STEPS.indexOf(listed))) {
					const step = steps[index]!;
					// Waits in the page, a frame at a time, until the step is active and the chart on screen
					// has finished changing to it: all that changes with the step is then in place, so one
					// read of the page stands for the retrying assertions, at a round trip per step.
					await scrollToStep(page, step.n);
					const seen = await page.evaluate(
						({ chart }) => {
							// What Playwright counts as visible: a box with an area, not visibility: hidden.
							const visible = (el: Element) => {
								const box = el.getBoundingClientRect();
								return (
									box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
								);
							};
							const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
							const sticky = document.querySelector(`.sticky-chart[data-sticky="${chart}"]`);
							const body = sticky?.querySelector('[data-body]');
							return {
								current: Array.from(
									document.querySelectorAll('li.step[aria-current="step"]'),
									(li) => li.id
								),
								activeStep:
									document.querySelector<HTMLElement>('section[data-scrolly]')?.dataset.activeStep,
								activeCharts: Array.from(
									document.querySelectorAll<HTMLElement>('.sticky-chart.is-active'),
									(el) => el.dataset.sticky
								),
								stickyVisible: sticky ? visible(sticky) : false,
								label: body?.querySelector('svg[aria-label]')?.getAttribute('aria-label'),
								callouts: Array.from(body?.querySelectorAll('ol.callouts li') ?? [], text),
								// Only the layout drawn at this width (the timeline has a horizontal and a vertical one).
								highlighted: Array.from(body?.querySelectorAll('[data-row].is-hl') ?? [])
									.filter(visible)
									.map((el) => el.textContent ?? ''),
								live: text(document.querySelector('[data-live]') ?? document.body),
								scrollWidth: document.documentElement.scrollWidth
							};
						},
						{ chart: step.chart }
					);
					expect(seen.current, `step ${step.n} is the one current step`).toEqual([
						`step-${step.n}`
					]);
					expect(seen.activeStep, `step ${step.n} is the active step`).toBe(step.n);
					expect(seen.activeCharts, `step ${step.n}: ${step.chart} is the active chart`).toEqual([
						step.chart
					]);
					expect(seen.stickyVisible, `step ${step.n}: ${step.chart} is visible`).toBe(true);

					const expected = states.get(step.n)!;
					expect(seen.label, `step ${step.n}'s chart label`).toBe(expected.label);
					expect(seen.callouts.map(squash), `step ${step.n}'s callouts`).toEqual(expected.callouts);
					// One highlighted mark per callout.
					expect(
						seen.highlighted.length,
						`step ${step.n} highlights the marks its state does`
					).toBe(expected.highlights);

					// Moving one step on is not a jump, so screen readers hear the step's announcement.
					if (step.n !== '1')
						expect(seen.live, `step ${step.n} is announced`).toBe(squash(step.announce));

					const state = story.steps[Number(step.n) - 1]!.state;
					if (step.chart === 'downloads') {
						for (const figure of latestFigures(state.highlight as string[])) {
							expect(
								seen.highlighted.some((mark) =>
									squash(mark).toLowerCase().includes(squash(figure).toLowerCase())
								),
								`step ${step.n} highlights the latest figure of its label, ${figure}`
							).toBe(true);
						}
					}
					const actions = (state.actions ?? []) as string[];
					if (step.chart === 'isp-actions' && actions.length > 0) {
						// Each callout tells what one row with the step's actions says the provider did.
						const details = rows['isp-actions']
							.filter((row) => actions.includes(row.action))
							.map((row) => squashText(row.detail));
						expect(expected.callouts.length, `step ${step.n} has callouts`).toBeGreaterThan(0);
						for (const callout of expected.callouts)
							expect(
								details.some((detail) => callout.includes(detail)),
								`step ${step.n}: "${callout}" is a row with action ${actions.join(' or ')}`
							).toBe(true);
					}
					expect(seen.scrollWidth, `no sideways scroll at step ${step.n}`).toBeLessThanOrEqual(
						viewport.width
					);
				}
			});
		}

		test('a link to #step-5 opens on step 5 without passing through steps 2–4', async ({
			page
		}) => {
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { __activeSteps: string[] }).__activeSteps = seen;
				new MutationObserver((records) => {
					for (const record of records) {
						const value = (record.target as Element).getAttribute('data-active-step');
						if (value) seen.push(value);
					}
				}).observe(document, {
					subtree: true,
					attributes: true,
					attributeFilter: ['data-active-step']
				});
			});
			await page.goto('/#step-5');
			await waitForEnhanced(page);
			const step = page.locator('li.step#step-5');
			await expect(step).toHaveAttribute('aria-current', 'step');
			await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', '5');

			const chart = await step.getAttribute('data-chart');
			const sticky = page.locator(`.sticky-chart[data-sticky="${chart}"]`);
			await expect(sticky).toHaveClass(/\bis-active\b/);
			const expected = (await readStoryStates(page)).get('5')!;
			await expect(sticky.locator('[data-body] svg[aria-label]').first()).toHaveAttribute(
				'aria-label',
				expected.label
			);

			const seen = await page.evaluate(
				() => (window as unknown as { __activeSteps: string[] }).__activeSteps
			);
			expect(seen, 'the story went straight to step 5').toEqual(['5']);
			// Landing on a step is a jump: it is not announced, let alone the steps before it.
			await expect(page.locator('[data-live]')).toHaveText('');
		});
	});

	test.describe(`without JavaScript, ${viewport.width}×${viewport.height}`, () => {
		test.use({
			viewport: { width: viewport.width, height: viewport.height },
			javaScriptEnabled: false
		});

		// All steps in one look: with JavaScript off the browser loads no image lazily, so the page's load
		// has them all, and one pass in the page checks what Playwright's per-step waits took seconds for.
		test('the page has the story file’s steps, each with its own chart snapshot and caption, and no sticky graphic', async ({
			page
		}) => {
			await page.goto('/');
			await expect(page.locator('.sticky')).toBeHidden();
			await expect(page.locator('li.step')).toHaveCount(STEPS.length);
			const figures = await page.locator('li.step').evaluateAll(async (steps) => {
				const shown = (el: Element | null) => {
					const box = el?.getBoundingClientRect();
					return Boolean(
						el?.checkVisibility({ visibilityProperty: true }) && box?.width && box.height
					);
				};
				const seen = [];
				for (const step of steps) {
					const img = step.querySelector<HTMLImageElement>('figure.step-figure img.snapshot');
					const caption = step.querySelector('figure.step-figure figcaption');
					img?.scrollIntoView({ block: 'center', behavior: 'instant' });
					await img?.decode().catch(() => undefined);
					seen.push({
						snapshot: shown(img) && Boolean(img?.complete && img.naturalWidth > 0),
						caption: shown(caption) ? (caption?.textContent ?? '') : '',
						scrollWidth: document.documentElement.scrollWidth
					});
				}
				return seen;
			});
			for (const [i, { snapshot, caption, scrollWidth }] of figures.entries()) {
				expect(snapshot, `step ${i + 1}'s snapshot is shown and loaded`).toBe(true);
				expect(squash(caption).length, `step ${i + 1}'s caption`).toBeGreaterThan(20);
				expect(scrollWidth, `no sideways scroll at step ${i + 1}`).toBeLessThanOrEqual(
					viewport.width
				);
			}
		});
	});
}

test.describe('the sticky chart across step changes, 375×800', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('a step change morphs the chart on screen rather than re-creating it', async ({ page }) => {
		test.setTimeout(60_000);
		const steps = await openStory(page);
		let checked = 0;
		let previousKeys = new Set<string>();
		for (const [index, step] of steps.entries()) {
			const previous = steps[index - 1];
			if (previous?.chart === step.chart) {
				// Tag the elements on screen, then check the next state still draws with them.
				previousKeys = new Set(
					await page.evaluate(() =>
						Array.from(
							document.querySelectorAll(
								'.sticky-chart.is-active [data-body] :is(.plot svg:not(.mark-label *), [data-key])'
							),
							(el) => {
								(el as unknown as { __kept: boolean }).__kept = true;
								return `${el.classList[0]} ${el.getAttribute('data-key')}`;
							}
						)
					)
				);
			}
			await scrollToStep(page, step.n);
			if (previous?.chart === step.chart) {
				const kept = await page
					.locator(
						`.sticky-chart[data-sticky="${step.chart}"] [data-body] .plot svg:not(.mark-label *)`
					)
					.evaluateAll((svgs) =>
						svgs.map((svg) => ({
							// A mark out of the window before has no marker to keep: it is drawn as it enters.
							key: svg.hasAttribute('data-key')
								? `${svg.classList[0]} ${svg.getAttribute('data-key')}`
								: '',
							kept: (svg as unknown as { __kept?: boolean }).__kept === true
						}))
					);
				expect(kept.filter(({ kept }) => kept).length).toBeGreaterThan(0);
				expect(
					kept.filter(({ key }) => !key || previousKeys.has(key)).map(({ kept }) => kept),
					`step ${step.n} kept the svg elements of step ${previous.n}`
				).not.toContain(false);
				// A tick, lane or label both states have (the same data-key) keeps its element too: the
				// morph adds and removes only what differs.
				const shared = await page
					.locator(`.sticky-chart[data-sticky="${step.chart}"] [data-body] [data-key]`)
					.evaluateAll((elements) =>
						elements
							.filter((el) => el.matches(':is(.tick-label, .lane-band, .lane-name, .tick-line)'))
							.map((el) => ({
								key: `${el.classList[0]} ${el.getAttribute('data-key')}`,
								kept: (el as unknown as { __kept?: boolean }).__kept === true
							}))
					);
				expect(
					shared.filter(({ kept }) => !kept).map(({ key }) => key),
					`step ${step.n}: ticks and lanes re-created although step ${previous.n} drew them`
				).toEqual(
					shared.filter(({ kept, key }) => !kept && !previousKeys.has(key!)).map(({ key }) => key)
				);
				checked++;
			}
		}
		expect(checked, 'the story has steps that stay on one chart').toBeGreaterThan(0);
	});

	// Steps in runs of a few per test (listed from src/content/story.aml; the page's steps are checked
	// against it). A run compares each step's settled charts three ways: scrolled down to, from the top
	// through every step before it; scrolled back up to, from the step after; opened by its link. One
	// walk down and back up serves the whole run, and only the link opens load the page again.
	for (const run of runsOf(STEPS)) {
		const first = STEPS.indexOf(run[0]!);
		const last = first + run.length - 1;
		test(`once settled, the charts of steps ${run[0]!.n}–${run.at(-1)!.n} are the same however each was reached`, async ({
			page
		}) => {
			const listed = await openStory(page);
			expect(listed.map(({ n, chart }) => ({ n, chart }))).toEqual(STEPS);
			/**
			 * Settles on step `index` and checks that only its chart is on screen, takes focus and is read
			 * out, and that the charts out of sight are ready for their next steps; returns them by id.
			 */
			const settle = async (index: number, how: string, scroll = true) => {
				const step = STEPS[index]!;
				const held = heldSteps(STEPS, index);
				const { activeStep, charts } = await settledCharts(page, STEPS, index, { scroll });
				const where = `step ${step.n}, ${how}`;
				expect(activeStep, `${where}: the active step`).toBe(step.n);
				expect(
					charts.filter((chart) => chart.active).map((chart) => chart.chart),
					where
				).toEqual([step.chart]);
				expect(
					charts.filter((chart) => !chart.resting).map((chart) => chart.chart),
					`${where}: only the chart on screen has its transitions on`
				).toEqual([step.chart]);
				expect(
					charts.filter((chart) => chart.underPointer).map((chart) => chart.chart),
					`${where}: a pointer over the charts reaches only the one on screen`
				).toEqual([step.chart]);
				expect(
					charts.filter((chart) => chart.focusable > 0).map((chart) => chart.chart),
					`${where}: no chart holds anything focusable (those out of sight are not inert)`
				).toEqual([]);
				expect(
					charts.filter((chart) => chart.hidden !== 'true').map((chart) => chart.chart),
					`${where}: only the chart on screen is read out`
				).toEqual([step.chart]);
				expect(
					Object.fromEntries(charts.map((chart) => [chart.chart, chart.shows])),
					`${where}: each chart holds its step's state, those out of sight their next step's, so switching to them is only a fade`
				).toEqual(held);
				return new Map(charts.map((chart) => [chart.chart, chart]));
			};
			/** Fails on any chart whose settled markup differs from the one scrolled down to. */
			const expectSame = (
				index: number,
				how: string,
				charts: Map<string, SettledChart>,
				scrolled: Map<string, SettledChart>
			) => {
				for (const [chart, { markup }] of scrolled)
					expect(
						charts.get(chart)?.markup,
						`step ${STEPS[index]!.n}, ${how}: the ${chart} chart, as when scrolled down to`
					).toBe(markup);
			};

			// Down from the top: through the steps before the run without waiting for the charts out of
			// sight (their morphs are cut short, as when a reader scrolls on), then each step of the run.
			const before = STEPS.slice(0, first).map(({ n }) => n);
			expect(
				await scrollThrough(page, before),
				'each step on the way down became active and its chart showed it'
			).toEqual(before.map((n) => ({ step: n, active: n, shows: n })));
			const scrolled = new Map<number, Map<string, SettledChart>>();
			for (let index = first; index <= last; index++)
				scrolled.set(index, await settle(index, 'scrolled down to'));
			// On to the step after the run, and back up through it.
			if (STEPS[last + 1]) await settle(last + 1, 'scrolled down to');
			for (let index = Math.min(last, STEPS.length - 2); index >= first; index--) {
				const how = 'scrolled back up to';
				expectSame(index, how, await settle(index, how), scrolled.get(index)!);
			}
			for (const [index, charts] of scrolled) {
				// From another document: on the story, a link that differs only in its #step is a jump
				// within the page, not an open (and the address bar follows the active step).
				await page.goto('about:blank');
				await page.goto(`/#step-${STEPS[index]!.n}`);
				const how = 'opened by its link';
				expectSame(index, how, await settle(index, how, false), charts);
			}
		});
	}
});
