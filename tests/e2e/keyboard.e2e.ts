import { expect, type Page } from '@playwright/test';
import {
	chartShows,
	openStory,
	readStoryStates,
	test,
	VIEWPORTS,
	waitForEnhanced
} from './support/story';

/** What has focus: the step it is in (if any), and a short description for messages. */
async function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		return {
			step: el?.closest<HTMLElement>('li.step')?.id ?? null,
			isStep: el?.matches('li.step') ?? false,
			inFooter: !!el?.closest('#after-story'),
			text: `${el?.tagName.toLowerCase()}${el?.id ? '#' + el.id : ''} ${(el?.textContent ?? '').trim().slice(0, 40)}`
		};
	});
}

for (const viewport of VIEWPORTS) {
	test.describe(`keyboard only, ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('Tab reaches every step in order; each drives the chart and is announced', async ({
			page
		}) => {
			test.setTimeout(90_000);
			const steps = await openStory(page);
			const states = await readStoryStates(page);
			const root = page.locator('section[data-scrolly]');
			const live = page.locator('[data-live]');

			const reached: string[] = [];
			// Generous bound: every step, its data link, the chart's controls and the page's links.
			for (
				let presses = 0;
				presses < steps.length * 3 + 40 && reached.length < steps.length;
				presses++
			) {
				await page.keyboard.press('Tab');
				const now = await focused(page);
				if (!now.isStep || reached.includes(now.step!)) continue;
				reached.push(now.step!);
				const step = steps.find((candidate) => `step-${candidate.n}` === now.step)!;
				const item = page.locator(`li.step#step-${step.n}`);

				await expect(item, `${now.step} is current`).toHaveAttribute('aria-current', 'step');
				await expect(page.locator('li.step[aria-current="step"]')).toHaveCount(1);
				await expect(root).toHaveAttribute('data-active-step', step.n);
				await chartShows(page, step.n);
				const sticky = page.locator(`.sticky-chart.is-active[data-sticky="${step.chart}"]`);
				await expect(sticky, `${step.chart} chart shown`).toBeVisible();
				await expect(sticky.locator('[data-body] svg[role="img"]').first()).toHaveAttribute(
					'aria-label',
					states.get(step.n)!.label
				);
				// Step 1 is current from load, so there is nothing new to announce when it gets focus.
				if (step.n !== '1') await expect(live).toHaveText(step.announce);

				// A visible focus ring around the step's card, and the card on screen.
				const ring = await item.locator('.step-card').evaluate((card) => {
					const style = getComputedStyle(card);
					const box = card.getBoundingClientRect();
					return {
						style: style.outlineStyle,
						width: parseFloat(style.outlineWidth),
						onScreen: box.bottom > 0 && box.top < innerHeight
					};
				});
				expect(ring.style, `${now.step} focus ring`).not.toBe('none');
				expect(ring.width).toBeGreaterThanOrEqual(2);
				expect(ring.onScreen, `${now.step} card on screen`).toBe(true);
			}
			expect(reached).toEqual(steps.map((step) => `step-${step.n}`));
			const announcements = new Set(steps.map((step) => step.announce));
			expect(announcements.size, 'every step announces a different sentence').toBe(steps.length);

			// No trap: Tab carries on past the last step into the footer, and Shift+Tab comes back.
			let out = await focused(page);
			for (let presses = 0; presses < 10 && !out.inFooter; presses++) {
				await page.keyboard.press('Tab');
				out = await focused(page);
			}
			expect(out.inFooter, `Tab leaves the steps (now on ${out.text})`).toBe(true);
			let back = out;
			for (let presses = 0; presses < 10 && !back.isStep; presses++) {
				await page.keyboard.press('Shift+Tab');
				back = await focused(page);
			}
			expect(back.step).toBe(`step-${steps.at(-1)!.n}`);
		});

		test('the skip link is the first stop, shows on focus, and jumps past the graphic', async ({
			page
		}) => {
			await page.goto('/');
			await waitForEnhanced(page);
			await page.keyboard.press('Tab');
			const skip = page.getByRole('link', { name: 'Skip the graphic' });
			await expect(skip).toBeFocused();
			await expect(skip).toBeInViewport();
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/#after-story$/);
			await page.keyboard.press('Tab');
			const now = await focused(page);
			expect(now.inFooter, `after the skip, Tab lands in the footer (on ${now.text})`).toBe(true);
			expect(now.step).toBeNull();
		});

		test('Shift+Tab from a step goes back one step, and the chart follows', async ({ page }) => {
			const steps = await openStory(page);
			const states = await readStoryStates(page);
			const last = steps.at(-1)!;
			await page.locator(`li.step#step-${last.n}`).focus();
			await expect(page.locator('section[data-scrolly]')).toHaveAttribute(
				'data-active-step',
				last.n
			);
			const previous = steps.at(-2)!;
			for (let presses = 0; presses < 3; presses++) {
				await page.keyboard.press('Shift+Tab');
				if ((await focused(page)).isStep) break;
			}
			await expect(page.locator(`li.step#step-${previous.n}`)).toBeFocused();
			await expect(page.locator(`li.step#step-${previous.n}`)).toHaveAttribute(
				'aria-current',
				'step'
			);
			await expect(
				page.locator('.sticky-chart.is-active [data-body] svg[role="img"]').first()
			).toHaveAttribute('aria-label', states.get(previous.n)!.label);
			await expect(page.locator('[data-live]')).toHaveText(previous.announce);
		});
	});
}
