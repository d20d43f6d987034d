import type { Page } from '@playwright/test';

type Edges = Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>;

interface Box extends Edges {
	text: string;
	clipped: boolean;
}

/** Every visible piece of chart text, as the reader sees it on screen. */
export async function textBoxes(page: Page): Promise<Box[]> {
	return page.evaluate(() =>
		// SVG labels, and the time charts' words, which are HTML so they wrap and keep their size. A step's
		// direct labels are left out: they sit over the plot on purpose, on a background of their own.
		Array.from(
			document.querySelectorAll<Element>(
				'.plot svg text, .plot .time-text span:not(.mark-label, .mark-label *), .plot .break-label'
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
				// A break's label is a box as tall as its room, its words shortened to fit: measure the words.
				const box = node.getBoundingClientRect();
				let rect = box;
				if (node.classList.contains('break-label')) {
					const range = document.createRange();
					range.selectNodeContents(node);
					const words = range.getBoundingClientRect();
					const top = Math.max(words.top, box.top);
					const bottom = Math.min(words.bottom, box.bottom);
					rect = new DOMRect(words.left, top, words.width, Math.max(0, bottom - top));
				}
				const plot = node.closest('.plot')!.getBoundingClientRect();
				return {
					text: (node.textContent ?? '').trim(),
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

/** Two boxes on screen covering each other by more than a pixel. */
export function overlaps(a: Edges, b: Edges): boolean {
	const slack = 1;
	return (
		a.left < b.right - slack &&
		b.left < a.right - slack &&
		a.top < b.bottom - slack &&
		b.top < a.bottom - slack
	);
}

/**
 * What a reader would see wrong with a chart page's text at this width: two pieces of chart text over
 * each other, a word cut at the plot's edge, a page wider than the screen. `boxes`: the page's text as
 * already measured by `textBoxes`.
 */
export async function textProblems(
	page: Page,
	where: string,
	width: number,
	boxes?: Box[]
): Promise<string[]> {
	const problems: string[] = [];
	boxes ??= await textBoxes(page);
	boxes.forEach((a, i) =>
		boxes.slice(i + 1).forEach((b) => {
			if (overlaps(a, b)) problems.push(`${where}: "${a.text}" / "${b.text}"`);
		})
	);
	for (const box of boxes.filter((box) => box.clipped))
		problems.push(`${where}: "${box.text}" runs past the plot's edge`);
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	if (scrollWidth > width) problems.push(`${where}: page ${scrollWidth}px wide`);
	return problems;
}
