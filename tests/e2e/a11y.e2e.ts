import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { CHART_IDS } from '../../src/lib/charts/chart-ids';
import { projectStory } from './support/project-data';
import {
	openStory,
	readSteps,
	scrollToStep,
	test,
	VIEWPORTS,
	waitForEnhanced
} from './support/story';

// One axe run takes seconds on an idle 2-core machine and several times that beside other work:
// each test runs at most two, with the old whole-loop timeout as room for a very busy machine.
test.describe.configure({ timeout: 120_000 });

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the tags axe files those rules under. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Axe's findings as one line each, so a failure names the rule, the element and why. */
async function violations(page: Page): Promise<string[]> {
	// Legacy mode runs axe in the page itself; the default opens a blank page per call to merge the
	// frames' results, which made each call 2-3x slower (1.2 s against 2-3.5 s for a step's embed page).
	const results = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
	return results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id}: ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`
		)
	);
}

/** Brings step n to the reading line and waits until the story has settled on it. */
async function goToStep(page: Page, n: string) {
	await scrollToStep(page, n);
	// Let any transition finish, so axe measures colours as the reader finally sees them.
	await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

// The story's steps, read from src/content/story.aml when the tests are listed, so each step (and its
// embed page) gets a test of its own: one test looping over every step outgrew its timeout on a busy
// 2-core machine. The pages' own steps are still checked against these (see `pageSteps`).
const STEPS = projectStory().steps.map((step) => ({ n: String(step.n), chart: step.chart }));

/** Every embed page: the gallery, one per chart, and one per story step. */
const EMBED_PATHS = [
	'/embed/',
	...CHART_IDS.map((id) => `/embed/${id}/`),
	...STEPS.map((step) => `/embed/${step.chart}/${step.n}/`)
];

/** The steps the built page lists, which must be the story file's: else a test would be missed. */
async function pageSteps(page: Page) {
	const steps = (await readSteps(page)).map(({ n, chart }) => ({ n, chart }));
	expect(steps, 'the built story has the steps of src/content/story.aml').toEqual(STEPS);
	return steps;
}

for (const viewport of VIEWPORTS) {
	test.describe(`axe (WCAG 2.2 AA) on the story at ${viewport.width} px`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('zero violations at load', async ({ page }) => {
			await page.goto('/');
			await waitForEnhanced(page);
			await pageSteps(page);
			expect(await violations(page), 'at load').toEqual([]);
		});

		for (const step of STEPS) {
			test(`zero violations at step ${step.n}`, async ({ page }) => {
				await page.goto('/');
				await waitForEnhanced(page);
				await goToStep(page, step.n);
				expect(await violations(page), `at step ${step.n}`).toEqual([]);
			});
		}
	});
}

test.describe('axe (WCAG 2.2 AA) on the other pages', () => {
	test('the story lists the steps these tests were made for', async ({ page }) => {
		await page.goto('/');
		await pageSteps(page);
	});

	// Per embed page and colour scheme. Each chart's own page is checked with its tables closed and,
	// in a second test, open; a step's page differs from it only in the chart's state, so it is checked
	// once, with the table open (everything the closed page shows is still there).
	for (const path of EMBED_PATHS) {
		const stepPage = /^\/embed\/[^/]+\/\d+\/$/.test(path);
		for (const colorScheme of ['light', 'dark'] as const) {
			// One axe run per test: the gallery's two runs in one test took ~42 s on a 2-core machine.
			for (const open of stepPage ? [true] : [false, true]) {
				test(`${path}, ${colorScheme}, tables ${open ? 'open' : 'closed'}`, async ({ page }) => {
					await page.emulateMedia({ colorScheme });
					const response = await page.goto(path);
					expect(response?.status(), path).toBe(200);
					if (open)
						for (const table of await page.locator('details.data-table').all())
							await table.evaluate((el) => ((el as HTMLDetailsElement).open = true));
					expect(
						await violations(page),
						`${path} (${colorScheme}, tables ${open ? 'open' : 'closed'})`
					).toEqual([]);
				});
			}
		}
	}

	for (const viewport of VIEWPORTS) {
		test(`the editor at ${viewport.width} px`, async ({ page }) => {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			const response = await page.goto('/editor/');
			expect(response?.status(), '/editor/ is built').toBe(200);
			await page.waitForLoadState('networkidle');
			expect(await violations(page)).toEqual([]);
		});
	}
});

test.describe('text alternatives and markup', () => {
	test('the sticky chart is named at every step, and its markup depends only on the step', async ({
		page
	}) => {
		test.setTimeout(60_000);
		const steps = await openStory(page);
		/** The active chart's markup with attributes sorted, so only content and structure count. */
		const markup = () =>
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
				return canonical(body);
			});

		const forward = new Map<string, string>();
		for (const step of steps) {
			await goToStep(page, step.n);
			const svg = page.locator('.sticky-chart.is-active [data-body] svg[role="img"]').filter({
				visible: true
			});
			await expect(svg, `step ${step.n}: one visible chart image`).toHaveCount(1);
			const name = await svg.getAttribute('aria-label');
			expect(name?.length ?? 0, `step ${step.n}: the chart has a name`).toBeGreaterThan(20);
			// The sticky chart sits outside the steps, in a position: sticky container.
			expect(
				await svg.evaluate((el) => {
					const sticky = el.closest('.sticky');
					return !el.closest('[data-step]') && !!sticky && getComputedStyle(sticky).position;
				})
			).toBe('sticky');
			forward.set(step.n, await markup());
		}
		// Back up through the story: each step's chart must come out exactly as it did on the way down.
		for (const step of [...steps].reverse()) {
			await goToStep(page, step.n);
			expect(await markup(), `step ${step.n} reached from below`).toBe(forward.get(step.n));
		}
		// And the same on a fresh load straight onto a step.
		const middle = steps[Math.floor(steps.length / 2)]!;
		await page.goto(`/#step-${middle.n}`);
		await waitForEnhanced(page);
		await expect(page.locator('section[data-scrolly]')).toHaveAttribute(
			'data-active-step',
			middle.n
		);
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
	/** A table's caption, header cells and body rows, as text. */
	async function readTable(page: Page, scope: string) {
		return page.locator(`${scope} details.data-table table`).evaluate((table) => ({
			caption: table.querySelector('caption')?.textContent?.trim() ?? '',
			headers: table.querySelectorAll('thead th').length,
			cells: table.querySelectorAll('tbody td').length,
			rows: Array.from(table.querySelectorAll('tbody tr'), (tr) =>
				(tr.textContent ?? '').replace(/\s+/g, ' ').trim()
			)
		}));
	}

	/** The rows each step's chart highlights in the story, from the prerendered story states. */
	async function storyHighlights(page: Page): Promise<Map<string, string[]>> {
		const entries = await page.evaluate(async () => {
			const url =
				document.querySelector<HTMLElement>('[data-scrolly]')?.dataset.states ??
				'/story-states.json';
			const states = (await (await fetch(url)).json()) as Record<string, string>;
			return Object.entries(states).map(([step, markup]) => {
				const template = document.createElement('template');
				template.innerHTML = markup;
				return [
					step,
					Array.from(template.content.querySelectorAll('.plot [data-row].is-hl'), (mark) =>
						mark.getAttribute('data-row')
					).sort()
				];
			});
		});
		return new Map(entries as [string, string[]][]);
	}

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
	// step's table, and "How this was made" has each chart's data once.
	for (const viewport of VIEWPORTS) {
		test(`on /, at ${viewport.width} px, each card's data link opens its step's rows`, async ({
			page
		}) => {
			test.setTimeout(60_000);
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
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
			for (const id of CHART_IDS) {
				const step = steps.filter((candidate) => candidate.chart === id).at(-1);
				if (!step) continue;
				const href = await page
					.locator(`li.step#step-${step.n} .step-card a[href*="/embed/"]`)
					.getAttribute('href');
				expect(href, `step ${step.n}'s data link`).toMatch(new RegExp(`/embed/${id}/${step.n}/$`));
				const expected = await stepPageRows(page, href!);
				expect(expected.length, `step ${step.n}'s page has rows`).toBeGreaterThan(0);
				await page.goto(href!);
				await page.getByText('Show the data', { exact: true }).click();
				const shown = await readTable(page, 'main');
				expect(shown.caption.length).toBeGreaterThan(5);
				expect(shown.rows, `step ${step.n}'s rows`).toEqual(expected);
				await page.goto('/');
			}
		});
	}

	const TABLE_PAGES = [
		...CHART_IDS.map((id) => ({ path: `/embed/${id}/`, n: undefined })),
		...STEPS.map((step) => ({ path: `/embed/${step.chart}/${step.n}/`, n: step.n }))
	];
	for (const { path, n } of TABLE_PAGES) {
		test(`${path} has a "Show the data" table${n ? `, and highlights what step ${n} does` : ''}`, async ({
			page
		}) => {
			await page.goto('/');
			await pageSteps(page);
			const expected = await storyHighlights(page);
			await page.goto(path);
			const toggle = page.getByText('Show the data', { exact: true });
			await expect(toggle, path).toBeVisible();
			await toggle.click();
			await expect(page.locator('details.data-table table'), path).toBeVisible();
			const shown = await readTable(page, 'main');
			expect(shown.caption.length, `${path} caption`).toBeGreaterThan(5);
			expect(shown.headers, `${path} header cells`).toBeGreaterThan(1);
			expect(shown.cells, `${path} data cells`).toBeGreaterThan(0);
			if (n)
				expect(
					await page
						.locator('.plot [data-row].is-hl')
						.evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-row')).sort()),
					`${path} highlights what the story highlights at step ${n}`
				).toEqual(expected.get(n));
		});
	}

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
