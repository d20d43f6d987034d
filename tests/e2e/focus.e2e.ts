import { expect, type Page } from '@playwright/test';
import { openStory, test } from './support/story';

/** WCAG 2.2 non-text contrast: a focus indicator against what surrounds it. */
const MIN_CONTRAST = 3;

/**
 * The focused element's indicator: the outline (or ring-like box-shadow) of the element, or, for a story
 * step, of its card (what the reader sees as the step), with the background colour behind it.
 */
function indicator(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		// Marked once reached, so the walk stops when Tab comes round again.
		if (el.dataset.focusSeen) return null;
		el.dataset.focusSeen = '';
		const target = el.matches('li.step') ? el.querySelector<HTMLElement>('.step-card')! : el;
		const style = getComputedStyle(target);
		// The colour behind the indicator: the first opaque background outside the element.
		let background = 'rgb(255, 255, 255)';
		for (let node = target.parentElement; node; node = node.parentElement) {
			const colour = getComputedStyle(node).backgroundColor;
			if (!/rgba\(.*,\s*0\)$|transparent/.test(colour)) {
				background = colour;
				break;
			}
		}
		if (background === 'rgb(255, 255, 255)') {
			const page = getComputedStyle(document.documentElement).backgroundColor;
			if (!/rgba\(.*,\s*0\)$|transparent/.test(page)) background = page;
		}
		const box = target.getBoundingClientRect();
		return {
			what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`,
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth),
			outlineColor: style.outlineColor,
			boxShadow: style.boxShadow,
			background,
			visible: box.width > 0 && box.height > 0
		};
	});
}

function parseColour(text: string): [number, number, number] | undefined {
	const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(text);
	return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
	const channel = (value: number) => {
		const c = value / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
	const [x, y] = [parseColour(a), parseColour(b)];
	if (!x || !y) return 0;
	const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

for (const colorScheme of ['light', 'dark'] as const) {
	for (const viewport of [
		{ width: 375, height: 667 },
		{ width: 1280, height: 800 }
	]) {
		test(`${colorScheme}, ${viewport.width}×${viewport.height}: every Tab stop shows a focus ring of ${MIN_CONTRAST}:1`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
			const steps = await openStory(page);
			const problems: string[] = [];
			let stepsReached = 0;
			// Every stop on the page once: the generous bound covers each step and its controls.
			for (let presses = 0; presses < steps.length * 4 + 80; presses++) {
				await page.keyboard.press('Tab');
				const ring = await indicator(page);
				if (!ring) break;
				if (ring.what.startsWith('li#step-')) stepsReached++;
				if (!ring.visible) continue;
				const outlined = ring.outlineStyle !== 'none' && ring.outlineWidth >= 2;
				const shadowColour = ring.boxShadow !== 'none' ? ring.boxShadow : '';
				const colour = outlined ? ring.outlineColor : shadowColour;
				if (!outlined && !shadowColour) {
					problems.push(`${ring.what}: no focus indicator`);
					continue;
				}
				const ratio = contrast(colour, ring.background);
				if (ratio < MIN_CONTRAST)
					problems.push(
						`${ring.what}: focus indicator ${colour} on ${ring.background} is ${ratio.toFixed(2)}:1`
					);
			}
			expect(stepsReached, 'Tab reached every step').toBe(steps.length);
			expect(problems).toEqual([]);
		});
	}
}

test('the card being read is in full ink; the others are dimmed but stay readable', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	const steps = await openStory(page);
	expect(steps.length).toBeGreaterThan(1);
	const colours = await page.locator('li.step .step-card').evaluateAll((cards) =>
		cards.map((card) => ({
			current: card.closest('li')!.getAttribute('aria-current') === 'step',
			colour: getComputedStyle(card).color,
			background: getComputedStyle(document.documentElement).backgroundColor
		}))
	);
	const current = colours.find((card) => card.current)!;
	const other = colours.find((card) => !card.current)!;
	expect(other.colour).not.toBe(current.colour);
	expect(contrast(other.colour, other.background)).toBeLessThan(
		contrast(current.colour, current.background)
	);
	// Dimmed, not faded: the text still reads at WCAG AA.
	expect(contrast(other.colour, other.background)).toBeGreaterThanOrEqual(4.5);
});

test("each card has one quiet link to its step's data, not a sentence repeated per step", async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	const steps = await openStory(page);
	for (const step of steps) {
		const links = page.locator(`li.step#step-${step.n} .step-card a`);
		const names = await links.evaluateAll((anchors) =>
			anchors.filter((a) => a.getAttribute('href')?.includes('/embed/')).map((a) => a.textContent)
		);
		expect(names, `step ${step.n}`).toHaveLength(1);
		const size = await links
			.filter({ has: page.locator('span.visually-hidden') })
			.evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
		expect(size, 'smaller than the story text').toBeLessThan(16);
	}
});
