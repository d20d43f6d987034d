import { expect, type Page } from '@playwright/test';
import { chartShows, openStory, test } from './support/story';
import { overlaps } from './support/text-boxes';

/** Phones the story must fit, as the reader holds them. */
const PHONES = [
	{ width: 360, height: 640 },
	{ width: 375, height: 667 },
	{ width: 390, height: 844 },
	{ width: 412, height: 915 }
];
/** A small tablet upright: the phones' layout, with a plot wide enough for two direct labels. */
const TABLET = { width: 600, height: 960 };
const DESKTOPS = [
	{ width: 1280, height: 800 },
	{ width: 1440, height: 900 }
];
/** Share of the screen's height the plot takes on a laptop, at least. */
const PLOT_SHARE = 0.6;

interface Rect {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/**
 * Centres step `n`'s card on screen (where it is read) and waits for the story to make it the active
 * step and for the chart to settle (reduced motion: marks jump straight to their place).
 */
async function readStep(page: Page, n: string) {
	await page
		.locator(`li.step#step-${n} .step-card`)
		.evaluate((card) => card.scrollIntoView({ block: 'center', behavior: 'instant' }));
	await expect(page.locator('section[data-scrolly]')).toHaveAttribute('data-active-step', n);
	await chartShows(page, n);
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
}

/** What the reader sees at the active step: the panel, the card, the plot and the highlighted marks. */
function measure(page: Page, n: string) {
	return page.evaluate((n) => {
		const rect = (el: Element): Rect => {
			const { left, right, top, bottom } = el.getBoundingClientRect();
			return { left, right, top, bottom };
		};
		const shown = (el: Element) => {
			const box = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			return (
				(box.width > 0 || box.height > 0) &&
				style.visibility !== 'hidden' &&
				Number(style.opacity) > 0.05 &&
				!el.closest('.is-hidden')
			);
		};
		const sticky = document.querySelector<HTMLElement>('.sticky')!;
		const chart = document.querySelector('.sticky-chart.is-active [data-body]')!;
		const plots = Array.from(chart.querySelectorAll('.plot')).filter(shown).map(rect);
		// A step's subject: its highlighted marks, and their labels, which carry the class too or sit
		// inside a highlighted mark's group.
		const marks = Array.from(chart.querySelectorAll('.is-hl'))
			.filter(shown)
			.map((el) => {
				const box = el.getBoundingClientRect();
				// Covered means painted over: what is on top at the mark's centre belongs to the card.
				const top = document.elementFromPoint(
					(box.left + box.right) / 2,
					(box.top + box.bottom) / 2
				);
				return {
					what: `${el.tagName.toLowerCase()}.${el.getAttribute('class')?.replace(/\s+/g, '.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
					covered: Boolean(top?.closest(`li.step#step-${n}`)),
					...rect(el)
				};
			});
		// The step's direct labels, as drawn: a box each, over the plot, and the row its leader points to.
		const labels = Array.from(chart.querySelectorAll<HTMLElement>('.mark-label'))
			.filter(shown)
			.map((el) => ({
				what: (el.textContent ?? '').trim().slice(0, 40),
				row: el.dataset.label ?? '',
				...rect(el)
			}));
		// The step's subjects' markers, by row.
		const subjects = Array.from(chart.querySelectorAll('.plot [data-row].is-hl .marker'))
			.filter(shown)
			.map((el) => ({
				row: el.closest<HTMLElement>('[data-row]')!.dataset.row ?? '',
				...rect(el)
			}));
		return {
			viewport: { width: innerWidth, height: innerHeight },
			sticky: {
				...rect(sticky),
				scrolls: sticky.scrollHeight > sticky.clientHeight + 1,
				overflowY: getComputedStyle(sticky).overflowY
			},
			card: rect(document.querySelector(`li.step#step-${n} .step-card`)!),
			plots,
			marks,
			labels,
			subjects
		};
	}, n);
}

/** Whether the step's state, as the page was built, highlights anything in its plot. */
async function highlightsSomething(page: Page): Promise<Map<string, boolean>> {
	const entries = await page.evaluate(async () => {
		const root = document.querySelector<HTMLElement>('[data-scrolly]');
		const states = (await (
			await fetch(root?.dataset.states ?? '/story-states.json')
		).json()) as Record<string, string>;
		return Object.entries(states).map(([step, markup]) => {
			const template = document.createElement('template');
			template.innerHTML = markup;
			return [step, !!template.content.querySelector('.plot .is-hl')] as const;
		});
	});
	return new Map(entries);
}

const inside = (a: Rect, viewport: { width: number; height: number }) =>
	a.left >= -1 && a.top >= -1 && a.right <= viewport.width + 1 && a.bottom <= viewport.height + 1;

/** Two of the step's direct labels drawn over each other, or one over another of its subjects. */
function labelClashes(
	where: string,
	{
		labels,
		subjects
	}: { labels: (Rect & { what: string; row: string })[]; subjects: (Rect & { row: string })[] }
): string[] {
	return labels.flatMap((a, i) => [
		...labels
			.slice(i + 1)
			.filter((b) => overlaps(a, b))
			.map((b) => `${where}: the labels "${a.what}" and "${b.what}" meet`),
		...subjects
			.filter((subject) => subject.row !== a.row && overlaps(a, subject))
			.map((subject) => `${where}: the label "${a.what}" covers the subject ${subject.row}`)
	]);
}

for (const viewport of [...PHONES, TABLET]) {
	test(`${viewport.width}×${viewport.height}: at every step the panel fits and the card leaves the subject in sight`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize(viewport);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		const steps = await openStory(page);
		expect(steps.length).toBeGreaterThan(0);
		const highlights = await highlightsSomething(page);
		const problems: string[] = [];
		for (const step of steps) {
			await readStep(page, step.n);
			const seen = await measure(page, step.n);
			const where = `step ${step.n}`;
			const panel = seen.sticky;
			if (panel.bottom - panel.top > viewport.height + 1)
				problems.push(`${where}: panel ${Math.round(panel.bottom - panel.top)} px tall`);
			if (!inside(panel, viewport)) problems.push(`${where}: panel runs off the screen`);
			if (panel.scrolls || /auto|scroll/.test(panel.overflowY))
				problems.push(`${where}: the panel scrolls on its own`);
			if (seen.card.bottom - seen.card.top > viewport.height)
				problems.push(`${where}: the card is taller than the screen`);
			if (highlights.get(step.n) && seen.marks.length === 0)
				problems.push(`${where}: no highlighted mark on screen`);
			for (const mark of seen.marks) {
				if (!inside(mark, seen.viewport)) problems.push(`${where}: ${mark.what} is off screen`);
				if (mark.covered) problems.push(`${where}: the card covers ${mark.what}`);
			}
			problems.push(...labelClashes(where, seen));
		}
		expect(problems).toEqual([]);
	});
}

for (const viewport of DESKTOPS) {
	test(`${viewport.width}×${viewport.height}: the panel fits and the plot takes ${PLOT_SHARE * 100} % of the screen's height`, async ({
		page
	}) => {
		test.setTimeout(90_000);
		await page.setViewportSize(viewport);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		const steps = await openStory(page);
		const problems: string[] = [];
		for (const step of steps) {
			await readStep(page, step.n);
			const seen = await measure(page, step.n);
			const where = `step ${step.n}`;
			if (!inside(seen.sticky, viewport)) problems.push(`${where}: panel runs off the screen`);
			if (seen.sticky.scrolls || /auto|scroll/.test(seen.sticky.overflowY))
				problems.push(`${where}: the panel scrolls on its own`);
			expect(seen.plots.length, `${where}: a plot is shown`).toBeGreaterThan(0);
			const top = Math.min(...seen.plots.map((plot) => plot.top));
			const bottom = Math.max(...seen.plots.map((plot) => plot.bottom));
			if (bottom - top < viewport.height * PLOT_SHARE)
				problems.push(`${where}: plot ${Math.round(bottom - top)} px tall`);
			for (const mark of seen.marks)
				if (!inside(mark, viewport)) problems.push(`${where}: ${mark.what} is off screen`);
			problems.push(...labelClashes(where, seen));
		}
		expect(problems).toEqual([]);
	});
}

test.describe('the first screen', () => {
	for (const viewport of [...PHONES, ...DESKTOPS]) {
		test(`${viewport.width}×${viewport.height}: headline and part of the chart are on it`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await openStory(page);
			const headline = await page.locator('h1').boundingBox();
			const plot = await page
				.locator('.sticky-chart.is-active .plot')
				.evaluateAll((plots) =>
					plots.map((plot) => plot.getBoundingClientRect()).find((box) => box.height > 0)
				);
			expect(headline!.y).toBeGreaterThanOrEqual(0);
			expect(plot, 'a plot is drawn').toBeTruthy();
			// At least a strip of the plot, so the reader sees there is a chart to scroll to.
			expect(plot!.top + 40).toBeLessThanOrEqual(viewport.height);
		});
	}

	test('the page loads its web fonts from itself, within 40 KB', async ({ page, baseURL }) => {
		const fonts: { url: string; bytes: number }[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'font') return;
			fonts.push({ url: response.url(), bytes: (await response.body()).length });
		});
		await page.goto('/');
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		await page.waitForLoadState('networkidle');
		expect(fonts.length, 'the piece has its own typeface').toBeGreaterThan(0);
		for (const font of fonts) expect(new URL(font.url).origin).toBe(new URL(baseURL!).origin);
		expect(fonts.reduce((sum, font) => sum + font.bytes, 0)).toBeLessThanOrEqual(40 * 1024);
		const faces = await page.evaluate(() =>
			Array.from(document.fonts).map((face) => ({ status: face.status, display: face.display }))
		);
		expect(faces.filter((face) => face.status === 'loaded').length).toBeGreaterThan(0);
		for (const face of faces) expect(face.display).toBe('swap');
	});
});
