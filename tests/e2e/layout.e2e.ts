import { expect, test } from '@playwright/test';
import { textBoxes, textProblems } from './support/text-boxes';
import { projectStory } from './support/project-data';
import { runsOf } from './support/story';

const CHARTS = ['downloads', 'isp-actions', 'timeline'];
const WIDTHS = [320, 375, 600, 1000, 1400];

for (const chart of CHARTS) {
	for (const width of WIDTHS) {
		test(`${chart} at ${width}px: no overlapping text, nothing wider than the page`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`/embed/${chart}/`);
			const boxes = await textBoxes(page);
			expect(boxes.length).toBeGreaterThan(3);
			expect(await textProblems(page, `${chart} at ${width}px`, width, boxes)).toEqual([]);
			const outside = boxes.filter((box) => box.left < -1 || box.right > width + 1);
			expect(outside.map((box) => box.text)).toEqual([]);
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
				clashes.push(...(await textProblems(page, `step ${step.n} at ${width}px`, width)));
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
