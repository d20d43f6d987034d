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
	chartShows,
	openStory,
	readStoryStates,
	runsOf,
	scrollToStep,
	test,
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

		test('loads without errors and without sideways scrolling', async ({ page }) => {
			await page.goto('/');
			await waitForEnhanced(page);
			await expect(page.locator('li.step[aria-current="step"]')).toHaveCount(1);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
		});

		test('the steps are numbered in order, one story state each, as in the story file', async ({
			page
		}) => {
			const steps = await openStory(page);
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
				const root = page.locator('section[data-scrolly]');
				const live = page.locator('[data-live]');
				for (const index of run.map((listed) => STEPS.indexOf(listed))) {
					const step = steps[index]!;
					const item = page.locator(`li.step#step-${step.n}`);
					await item.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
					await expect(item, `step ${step.n} is current`).toHaveAttribute('aria-current', 'step');
					await expect(page.locator('li.step[aria-current="step"]')).toHaveCount(1);
					await expect(root).toHaveAttribute('data-active-step', step.n);
					await chartShows(page, step.n);

					const sticky = page.locator(`.sticky-chart[data-sticky="${step.chart}"]`);
					await expect(sticky, `${step.chart} is the active chart`).toHaveClass(/\bis-active\b/);
					await expect(page.locator('.sticky-chart.is-active')).toHaveCount(1);
					await expect(sticky).toBeVisible();

					const expected = states.get(step.n)!;
					const body = sticky.locator('[data-body]');
					await expect(body.locator('svg[aria-label]').first()).toHaveAttribute(
						'aria-label',
						expected.label
					);
					const callouts = body.locator('ol.callouts li');
					await expect
						.poll(async () => (await callouts.allTextContents()).map(squash))
						.toEqual(expected.callouts);

					// One highlighted mark per callout, counting only the layout drawn at this width
					// (the timeline has a horizontal and a vertical one).
					const highlighted = body.locator('[data-row].is-hl').filter({ visible: true });
					await expect(
						highlighted,
						`step ${step.n} highlights the marks its state does`
					).toHaveCount(expected.highlights);

					// Moving one step on is not a jump, so screen readers hear the step's announcement.
					if (step.n !== '1') await expect(live).toHaveText(step.announce);

					const state = story.steps[Number(step.n) - 1]!.state;
					if (step.chart === 'downloads') {
						for (const figure of latestFigures(state.highlight as string[])) {
							await expect(
								highlighted.filter({ hasText: figure }),
								`step ${step.n} highlights the latest figure of its label, ${figure}`
							).not.toHaveCount(0);
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
					const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
					expect(scrollWidth, `no sideways scroll at step ${step.n}`).toBeLessThanOrEqual(
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

		// Steps in runs of a few per test, listed from the story file (checked against the page by the first).
		test('the page has the story file’s steps, and no sticky graphic', async ({ page }) => {
			await page.goto('/');
			await expect(page.locator('.sticky')).toBeHidden();
			await expect(page.locator('li.step')).toHaveCount(STEPS.length);
		});
		for (const run of runsOf(STEPS)) {
			test(`steps ${run[0]!.n}–${run.at(-1)!.n} each show their own chart snapshot and caption`, async ({
				page
			}) => {
				await page.goto('/');
				for (const i of run.map((listed) => STEPS.indexOf(listed))) {
					const step = page.locator('li.step').nth(i);
					const img = step.locator('figure.step-figure img.snapshot');
					await img.scrollIntoViewIfNeeded();
					await expect(img, `step ${i + 1}'s snapshot`).toBeVisible();
					await expect
						.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
							message: `snapshot ${i + 1} loaded`
						})
						.toBeGreaterThan(0);
					const caption = step.locator('figure.step-figure figcaption');
					await expect(caption, `step ${i + 1}'s caption`).toBeVisible();
					expect(squash(await caption.textContent()).length).toBeGreaterThan(20);
					const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
					expect(scrollWidth, `no sideways scroll at step ${i + 1}`).toBeLessThanOrEqual(
						viewport.width
					);
				}
			});
		}
	});
}

test.describe('the sticky chart across step changes, 375×800', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	/** Every sticky chart's markup, read again until it has stopped changing (charts out of sight are
	 * brought to their next state over a few frames). */
	async function settledCharts(page: import('@playwright/test').Page) {
		const read = () =>
			page.locator('.sticky-chart').evaluateAll((charts) =>
				charts.map((chart) => ({
					chart: (chart as HTMLElement).dataset.sticky,
					active: chart.classList.contains('is-active'),
					inert: chart.hasAttribute('inert'),
					markup: chart.querySelector('[data-body]')!.innerHTML
				}))
			);
		let before = await read();
		for (;;) {
			await page.waitForTimeout(400);
			const after = await read();
			if (JSON.stringify(after) === JSON.stringify(before)) return after;
			before = after;
		}
	}

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

	// One test per step (listed from src/content/story.aml; the page's steps are checked against it):
	// all steps in one test outgrew 30 s on a busy 2-core machine.
	const steps = STEPS;
	for (const [index, step] of steps.entries()) {
		test(`once settled, step ${step.n}'s charts are the same however it was reached`, async ({
			page
		}) => {
			const listed = await openStory(page);
			expect(listed.map(({ n, chart }) => ({ n, chart }))).toEqual(steps);
			/** Settles on the step and checks that only its chart is active and takes focus. */
			const settle = async (how: string) => {
				const charts = await settledCharts(page);
				expect(
					charts.filter((chart) => chart.active).map((chart) => chart.chart),
					`step ${step.n}, ${how}`
				).toEqual([step.chart]);
				expect(
					charts.filter((chart) => !chart.inert).map((chart) => chart.chart),
					`step ${step.n}, ${how}: only the chart on screen takes focus and pointer`
				).toEqual([step.chart]);
				return charts;
			};
			// Down through the steps before it: charts out of sight are made ready for the steps ahead.
			for (const before of steps.slice(0, index + 1)) await scrollToStep(page, before.n);
			const scrolled = await settle('scrolled down to');
			// On to the next step and back up.
			const next = steps[index + 1];
			if (next) {
				await scrollToStep(page, next.n);
				await settledCharts(page);
				await scrollToStep(page, step.n);
				expect(await settle('scrolled back up to'), `step ${step.n}, scrolled back up to`).toEqual(
					scrolled
				);
			}
			await page.goto(`/#step-${step.n}`);
			await waitForEnhanced(page);
			await expect(page.locator('section[data-scrolly]')).toHaveAttribute(
				'data-active-step',
				step.n
			);
			expect(await settle('opened by its link'), `step ${step.n}, opened by its link`).toEqual(
				scrolled
			);
		});
	}
});
