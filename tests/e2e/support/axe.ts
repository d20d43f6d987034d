import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the tags axe files those rules under. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's minified build, the one @axe-core/playwright runs. It is put in each document once and run
 * there: AxeBuilder evaluates the 1.3 MB unminified source twice per call and brings back every pass
 * and inapplicable rule with its nodes, which made each call 3–10 s on a busy 2-core machine; one run
 * on a document that already has axe takes 0.2–1 s.
 */
const fromAxeBuilder = createRequire(
	createRequire(import.meta.url).resolve('@axe-core/playwright')
);
const AXE_SOURCE = readFileSync(fromAxeBuilder.resolve('axe-core/axe.min.js'), 'utf8');

async function withAxe(frame: Frame) {
	if (await frame.evaluate(() => 'axe' in window)) return;
	// `;0`: the script's completion value is axe itself, which needn't come back over the protocol.
	await frame.evaluate(`${AXE_SOURCE}\n;0`);
}

export interface AxeScope {
	/** Selectors to check, and only them (and what is inside them); the whole page if none. */
	include?: string[];
	/** Check inside the page's iframes too (each must have loaded). */
	frames?: boolean;
}

/**
 * Axe's WCAG 2.2 A/AA violations on the page as it is now, one line each, so a failure names the rule,
 * the element and why. Colours are measured as painted, so settle motion before calling it.
 */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
	const frames = scope.frames ? page.frames() : [page.mainFrame()];
	for (const frame of frames) await withAxe(frame);
	return page.evaluate(
		async ({ include, iframes, tags }) => {
			interface Result {
				violations: {
					id: string;
					nodes: { target: unknown[]; failureSummary?: string }[];
				}[];
			}
			const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<Result> } })
				.axe;
			const results = await axe.run(include ? { include } : document, {
				runOnly: { type: 'tag', values: tags },
				// Passes and inapplicable rules are counted, not listed: they are most of a report's weight.
				resultTypes: ['violations'],
				iframes
			});
			return results.violations.flatMap((violation) =>
				violation.nodes.map(
					(node) =>
						`${violation.id}: ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`
				)
			);
		},
		{ include: scope.include, iframes: Boolean(scope.frames), tags: WCAG }
	);
}
