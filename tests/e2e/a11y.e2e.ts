import { expect, type Page } from '@playwright/test';
import { CHART_IDS } from '../../src/lib/charts/chart-ids';
import { axeViolations, type AxeScope } from './support/axe';
import { projectStory } from './support/project-data';
import {
	chartShows,
	openStory,
	readSteps,
	runsOf,
	scrollToStep,
	test,
	VIEWPORTS,
	waitForEnhanced
} from './support/story';

// Each test checks a run of states: axe runs in the page (support/axe.ts), ~0.2–0.5 s a run once a
// document has it, so a test takes seconds; the timeout is room for a machine several times busier.
// The tests share nothing, so both workers take them.
test.describe.configure({ mode: 'parallel', timeout: 60_000 });

const SCHEMES = ['light', 'dark'] as const;

/**
 * Checks the page as it is in each colour scheme (every page carries the dark palette under
 * prefers-color-scheme), a soft assertion per state, so one run reports every state that fails.
 * Switching the scheme changes colours only, so the page needn't reload.
 */
async function checkSchemes(
	page: Page,
	state: string,
	scope: AxeScope = {},
	schemes: readonly (typeof SCHEMES)[number][] = SCHEMES
) {
	for (const colorScheme of schemes) {
		await page.emulateMedia({ colorScheme });
		expect.soft(await axeViolations(page, scope), `${state}, ${colorScheme}`).toEqual([]);
	}
}

/** Opens (or closes) every <details> on the page: data tables, embed code, the gallery's steps. */
async function setDetails(page: Page, open: boolean) {
	await page.locator('details').evaluateAll((all, open) => {
		for (const details of all as HTMLDetailsElement[]) details.open = open;
	}, open);
}

// The story's steps, read from src/content/story.aml when the tests are listed, so each test can name
// the steps it checks. The built page's own steps are checked against these (see `pageSteps`).
const STEPS = projectStory().steps.map((step) => ({ n: String(step.n), chart: step.chart }));

/** The steps the built page lists, which must be the story file's: else a state would be missed. */
async function pageSteps(page: Page) {
	const steps = (await readSteps(page)).map(({ n, chart }) => ({ n, chart }));
	expect(steps, 'the built story has the steps of src/content/story.aml').toEqual(STEPS);
	return steps;
}

const stepNames = (steps: { n: string }[]) => `${steps[0]!.n}–${steps.at(-1)!.n}`;

/**
 * The scheme a step's state is checked in, alternating from step to step and from one width (or page) to
 * the next, so every step's chart is checked in both schemes across the story's two widths, and every
 * page and the story at load in both. Every colour pair's contrast in both palettes is unit-tested
 * (palette.test.ts); what axe adds per state is the painted page, its names and its structure. Checking
 * every state in both schemes at both widths was 114 axe runs and a sixth of the browser tests' CPU.
 */
const schemeOf = (step: { n: string }, turn: number) => [SCHEMES[(Number(step.n) + turn) % 2]!];

for (const viewport of VIEWPORTS) {
	test.describe(`axe (WCAG 2.2 AA) on the story at ${viewport.width} px`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		// No motion: a step's chart and card are then in their final colours as soon as the chart shows
		// the step (`chartShows`), the state a reader settles on either way.
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
		});

		/**
		 * After load, a step changes only the sticky panel (which chart shows, in which state; the others
		 * wait out of sight, aria-hidden), which card is current, and the live region: each step is checked
		 * there. The rest of the page is as the whole-page check at load saw it.
		 */
		async function checkSteps(page: Page, steps: { n: string }[]) {
			for (const step of steps) {
				await scrollToStep(page, step.n);
				await checkSchemes(
					page,
					`step ${step.n} at ${viewport.width} px`,
					{ include: ['.sticky', `li.step#step-${step.n}`, '[data-live]'] },
					schemeOf(step, VIEWPORTS.indexOf(viewport))
				);
			}
		}

		// Steps in runs of a few per test. A run opens on the step before its first by that step's link,
		// then scrolls down one step at a time, as a reader does; the first run starts at load, checked
		// whole with every <details> open ("Embed this chart" under "How this was made": what the page
		// shows with them closed is all still there).
		for (const run of runsOf(STEPS)) {
			const first = STEPS.indexOf(run[0]!);
			const title = `steps ${stepNames(run)}`;
			test(first === 0 ? `the whole page at load, then ${title}` : title, async ({ page }) => {
				await openStory(page, first > 0 ? STEPS[first - 1]!.n : undefined);
				if (first === 0) {
					await pageSteps(page);
					await setDetails(page, true);
					await checkSchemes(page, `at load at ${viewport.width} px, every <details> open`);
					await setDetails(page, false);
				}
				await checkSteps(page, run);
			});
		}
	});
}

test.describe('the embed pages and the editor: axe (WCAG 2.2 AA), light and dark; data tables', () => {
	/** A table's caption and how many header and data cells it has. */
	async function readTable(page: Page, scope: string) {
		return page.locator(`${scope} details.data-table table`).evaluate((table) => ({
			caption: table.querySelector('caption')?.textContent?.trim() ?? '',
			headers: table.querySelectorAll('thead th').length,
			cells: table.querySelectorAll('tbody td').length
		}));
	}

	/** Opens an embed page's table the way a reader does, and checks it is a table worth the name. */
	async function showTable(page: Page, path: string) {
		// A click waits for the toggle to be visible and clickable.
		await page.getByText('Show the data', { exact: true }).click();
		await expect(page.locator('details.data-table table'), path).toBeVisible();
		const shown = await readTable(page, 'main');
		expect(shown.caption.length, `${path} caption`).toBeGreaterThan(5);
		expect(shown.headers, `${path} header cells`).toBeGreaterThan(1);
		expect(shown.cells, `${path} data cells`).toBeGreaterThan(0);
	}

	/**
	 * The rows each step's chart highlights in the story, from the prerendered story states, each state's
	 * markup parsed by the browser (in a <template>) on whatever page is open.
	 */
	async function storyHighlights(page: Page): Promise<Map<string, string[]>> {
		const states = (await (await page.request.get('/story-states.json')).json()) as Record<
			string,
			string
		>;
		const entries = await page.evaluate(
			(states) =>
				Object.entries(states).map(([step, markup]) => {
					const template = document.createElement('template');
					template.innerHTML = markup;
					return [
						step,
						Array.from(template.content.querySelectorAll('.plot [data-row].is-hl'), (mark) =>
							mark.getAttribute('data-row')
						).sort()
					] as [string, string[]];
				}),
			states
		);
		return new Map(entries);
	}

	async function open(page: Page, path: string) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
	}

	// The gallery's previews are the charts' own pages, each checked below on its own; in the gallery
	// they load lazily, so its own document is checked here, every step's code open (what it shows
	// with them closed is all still there).
	test('the /embed/ gallery, every step open, on a laptop and a phone', async ({ page }) => {
		await open(page, '/embed/');
		await setDetails(page, true);
		await checkSchemes(page, '/embed/, every step open');
		// On a phone the desktop preview is wider than the screen: its scroller must take focus.
		await page.setViewportSize({ width: 375, height: 800 });
		await checkSchemes(page, '/embed/ at 375 px, every step open');
	});

	test("each chart's page, its table closed and open", async ({ page }) => {
		for (const id of CHART_IDS) {
			const path = `/embed/${id}/`;
			await open(page, path);
			await checkSchemes(page, `${path}, table closed`);
			await showTable(page, path);
			await checkSchemes(page, `${path}, table open`);
		}
	});

	// A step's page differs from its chart's only in the chart's state and the table's rows: checked
	// with its table open (everything the closed page shows is still there), in one scheme (schemeOf).
	for (const steps of runsOf(STEPS)) {
		test(`step pages ${stepNames(steps)}: the table, the step's highlights, axe with the table open`, async ({
			page
		}) => {
			let highlights: Map<string, string[]> | undefined;
			for (const { n, chart } of steps) {
				const path = `/embed/${chart}/${n}/`;
				await open(page, path);
				highlights ??= await storyHighlights(page);
				await showTable(page, path);
				expect(
					await page
						.locator('.plot [data-row].is-hl')
						.evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-row')).sort()),
					`${path} highlights what the story highlights at step ${n}`
				).toEqual(highlights.get(n));
				await checkSchemes(page, `${path}, table open`, {}, schemeOf({ n }, 0));
			}
		});
	}

	test('the editor at each width', async ({ page }) => {
		await open(page, '/editor/');
		await page.waitForLoadState('networkidle');
		for (const viewport of VIEWPORTS) {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			await checkSchemes(page, `/editor/ at ${viewport.width} px`);
		}
	});
});

test.describe('text alternatives and markup', () => {
	test('the sticky chart is named at every step, and its markup depends only on the step', async ({
		page
	}) => {
		const steps = await openStory(page);
		/**
		 * The active chart in one read: its visible chart images, each with its name and whether it sits
		 * outside the steps in a position: sticky container, and its markup with attributes sorted, so
		 * only content and structure count.
		 */
		const read = () =>
			page.locator('.sticky-chart.is-active [data-body]').evaluate((body) => {
				const canonical = (node: Node): string => {
					if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
					if (node.nodeType !== Node.ELEMENT_NODE) return '';
					const el = node as Element;
					const attributes = Array.from(el.attributes, (a) => `${a.name}="${a.value}"`)
						.sort()
						.join(' ');
					return `<${el.localName} ${attributes}>${Array.from(el.childNodes, canonical).join('')}</${el.localName}>`;
				};
				// Visible as Playwright has it: a box of some size, and not visibility: hidden.
				const images = Array.from(body.querySelectorAll('svg[role="img"]')).filter((el) => {
					const box = el.getBoundingClientRect();
					return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
				});
				return {
					images: images.map((el) => {
						const sticky = el.closest('.sticky');
						return {
							name: el.getAttribute('aria-label') ?? '',
							position: !el.closest('[data-step]') && sticky && getComputedStyle(sticky).position
						};
					}),
					markup: canonical(body)
				};
			});
		const markup = async () => (await read()).markup;

		const forward = new Map<string, string>();
		// scrollToStep waits until the chart shows the step: its markup is then final (transitions still
		// running change how it is painted, not the markup).
		for (const step of steps) {
			await scrollToStep(page, step.n);
			const { images, markup } = await read();
			expect(images.length, `step ${step.n}: one visible chart image`).toBe(1);
			expect(images[0]!.name.length, `step ${step.n}: the chart has a name`).toBeGreaterThan(20);
			// The sticky chart sits outside the steps, in a position: sticky container.
			expect(images[0]!.position, `step ${step.n}: the chart is in the sticky panel`).toBe(
				'sticky'
			);
			forward.set(step.n, markup);
		}
		// Back up through the story: each step's chart must come out exactly as it did on the way down.
		for (const step of [...steps].reverse()) {
			await scrollToStep(page, step.n);
			expect(await markup(), `step ${step.n} reached from below`).toBe(forward.get(step.n));
		}
		// And the same on a fresh load straight onto a step.
		const middle = steps[Math.floor(steps.length / 2)]!;
		// The address follows the active step, so a goto to the story's own URL with a hash would only
		// jump within the page: leave it first.
		await page.goto('about:blank');
		await page.goto(`/#step-${middle.n}`);
		await waitForEnhanced(page);
		await expect(page.locator('section[data-scrolly]')).toHaveAttribute(
			'data-active-step',
			middle.n
		);
		// The chart morphs to the step over a few frames after the step becomes active.
		await chartShows(page, middle.n);
		expect(await markup(), `step ${middle.n} after a fresh load`).toBe(forward.get(middle.n));
	});

	test('decorative SVG is hidden from assistive technology', async ({ page }) => {
		await page.goto('/');
		const exposed = await page.evaluate(() =>
			Array.from(document.querySelectorAll('svg'))
				.filter((svg) => !svg.closest('[aria-hidden="true"], svg[role="img"] svg'))
				.filter((svg) => svg.getAttribute('role') !== 'img' || !svg.getAttribute('aria-label'))
				.map((svg) => svg.outerHTML.slice(0, 120))
		);
		expect(exposed, 'every svg is either a named image or aria-hidden').toEqual([]);
	});

	test('the live region is present, polite and empty at load', async ({ request }) => {
		const html = await (await request.get('/')).text();
		expect(html).toMatch(/<p[^>]*aria-live="polite"[^>]*data-live[^>]*><\/p>/);
	});

	test('reading order: steps and their text come in DOM order top to bottom', async ({ page }) => {
		await page.goto('/');
		await waitForEnhanced(page);
		const tops = await page
			.locator('li.step .step-card')
			.evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().top + scrollY));
		expect(tops).toEqual([...tops].sort((a, b) => a - b));
		// The sticky chart comes before the steps in the DOM and starts above the first step on screen.
		const [chartTop, firstStepTop] = await page.evaluate(() => [
			document.querySelector('.sticky')!.getBoundingClientRect().top,
			document.querySelector('li.step .step-card')!.getBoundingClientRect().top
		]);
		expect(chartTop).toBeLessThan(firstStepTop!);
	});
});

test.describe('data tables', () => {
	/** The rows step `n`'s own page shows in its table, read from the page as built (no script). */
	async function stepPageRows(page: Page, path: string): Promise<string[]> {
		return page.evaluate(async (path) => {
			const html = await (await fetch(path)).text();
			const doc = new DOMParser().parseFromString(html, 'text/html');
			return Array.from(doc.querySelectorAll('details.data-table tbody tr'), (tr) =>
				(tr.textContent ?? '').replace(/\s+/g, ' ').trim()
			);
		}, path);
	}

	// The sticky panel holds only the title and the plot; each card's quiet "Data" link is the way to its
	// step's table, and "How this was made" has each chart's data once. (Pages are the same markup at
	// every width, so this is checked once.)
	test("on /, each card's data link opens its step's rows", async ({ page }) => {
		await page.goto('/');
		await waitForEnhanced(page);
		const steps = await readSteps(page);
		await expect(
			page.locator('.sticky details.data-table'),
			'no table inside the sticky panel'
		).toHaveCount(0);
		for (const id of CHART_IDS)
			await expect(
				page.locator(`#after-story a[href$="/data/${id}.csv"]`),
				`${id}: "Get the data" under "How this was made"`
			).toHaveCount(1);
		// The last step of each chart, so the table has moved on from the chart's first state.
		const links: { n: string; href: string; expected: string[] }[] = [];
		for (const id of CHART_IDS) {
			const step = steps.filter((candidate) => candidate.chart === id).at(-1);
			if (!step) continue;
			const href = await page
				.locator(`li.step#step-${step.n} .step-card a[href*="/embed/"]`)
				.getAttribute('href');
			expect(href, `step ${step.n}'s data link`).toMatch(new RegExp(`/embed/${id}/${step.n}/$`));
			const expected = await stepPageRows(page, href!);
			expect(expected.length, `step ${step.n}'s page has rows`).toBeGreaterThan(0);
			links.push({ n: step.n, href: href!, expected });
		}
		for (const { n, href, expected } of links) {
			await page.goto(href);
			await page.getByText('Show the data', { exact: true }).click();
			const rows = await page
				.locator('main details.data-table tbody tr')
				.evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ').trim()));
			expect(rows, `step ${n}'s rows`).toEqual(expected);
		}
	});

	test('embeds render their chart and table with JavaScript off', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const id of CHART_IDS) {
			await page.goto(`/embed/${id}/`);
			await expect(page.locator('svg[role="img"][aria-label]').first()).toBeVisible();
			await page.getByText('Show the data', { exact: true }).click();
			await expect(page.locator('details.data-table table')).toBeVisible();
		}
		await context.close();
	});
});
