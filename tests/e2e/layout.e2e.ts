import { expect, test, type Page } from '@playwright/test';
import { projectStory } from './support/project-data';
import { runsOf } from './support/story';

const CHARTS = ['downloads', 'isp-actions', 'timeline'];
const WIDTHS = [320, 375, 600, 1000, 1400];

interface Box {
	text: string;
	left: number;
	right: number;
	top: number;
	bottom: number;
	clipped: boolean;
}

/** Every visible piece of chart text, as the reader sees it on screen. */
async function textBoxes(page: Page): Promise<Box[]> {
	return page.evaluate(() =>
		// SVG labels, and the time charts' words, which are HTML so they wrap and keep their size. A step's
		// direct labels are left out: they sit over the plot on purpose, on a background of their own.
		Array.from(
			document.querySelectorAll<Element>(
				'.plot svg text, .plot .time-text span:not(.mark-label, .mark-label *)'
			)
		)
			.filter((node) => {
				const style = getComputedStyle(node);
				const rect = node.getBoundingClientRect();
				return (
					node.textContent?.trim() &&
					style.display !== 'none' &&
					style.visibility !== 'hidden' &&
					Number(style.opacity) > 0.05 &&
					!node.closest('.is-hidden') &&
					rect.width > 0 &&
					node.closest('.plot')?.getClientRects().length
				);
			})
			.map((node) => {
				const rect = node.getBoundingClientRect();
				const plot = node.closest('.plot')!.getBoundingClientRect();
				return {
					text: node.textContent ?? '',
					// The time charts' plot clips sideways: a word past its edge is cut, not shown.
					clipped: rect.left < plot.left - 1 || rect.right > plot.right + 1,
					left: rect.left,
					right: rect.right,
					top: rect.top,
					bottom: rect.bottom
				};
			})
	);
}

function overlaps(a: Box, b: Box): boolean {
	const slack = 1;
	return (
		a.left < b.right - slack &&
		b.left < a.right - slack &&
		a.top < b.bottom - slack &&
		b.top < a.bottom - slack
	);
}

for (const chart of CHARTS) {
	for (const width of WIDTHS) {
		test(`${chart} at ${width}px: no overlapping text, nothing wider than the page`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`/embed/${chart}/`);
			const boxes = await textBoxes(page);
			expect(boxes.length).toBeGreaterThan(3);
			const clashes: string[] = [];
			boxes.forEach((a, i) =>
				boxes.slice(i + 1).forEach((b) => {
					if (overlaps(a, b)) clashes.push(`"${a.text}" overlaps "${b.text}"`);
				})
			);
			expect(clashes).toEqual([]);
			const outside = boxes.filter((box) => box.left < -1 || box.right > width + 1);
			expect(outside.map((box) => box.text)).toEqual([]);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth).toBeLessThanOrEqual(width);
		});
	}
}

// Listed from src/content/story.aml, in runs of five steps per test: all steps in one test outgrew 30 s
// on a busy 2-core machine. The first test checks the built page lists the same steps.
const STEPS = projectStory().steps.map((step) => ({ n: String(step.n), chart: step.chart }));

test('the story page lists the steps of src/content/story.aml', async ({ request }) => {
	const html = await (await request.get('/')).text();
	const steps = [...html.matchAll(/data-step="(\d+)" data-chart="([a-z-]+)"/g)].map((m) => ({
		n: m[1],
		chart: m[2]
	}));
	expect(steps).toEqual(STEPS);
});

for (const run of runsOf(STEPS)) {
	test(`story steps ${run[0]!.n}–${run.at(-1)!.n}: each state fits without overlapping text at 320 and 1000 px`, async ({
		page
	}) => {
		const clashes: string[] = [];
		for (const step of run) {
			for (const width of [320, 1000]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`/embed/${step.chart}/${step.n}/`);
				const boxes = await textBoxes(page);
				boxes.forEach((a, i) =>
					boxes.slice(i + 1).forEach((b) => {
						if (overlaps(a, b))
							clashes.push(`step ${step.n} at ${width}px: "${a.text}" / "${b.text}"`);
					})
				);
				for (const box of boxes.filter((box) => box.clipped))
					clashes.push(`step ${step.n} at ${width}px: "${box.text}" runs past the plot's edge`);
				const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
				if (scrollWidth > width)
					clashes.push(`step ${step.n} at ${width}px: page ${scrollWidth}px wide`);
			}
		}
		expect(clashes).toEqual([]);
	});
}

test('"Skip the graphic" stays out of sight until a keyboard reader reaches it', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	const skip = page.getByRole('link', { name: 'Skip the graphic' });
	expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
	await skip.focus();
	expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(40);
});
