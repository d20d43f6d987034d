import type { ChartId } from '../charts/chart-ids';
import stepHeights from './step-heights.json';

/**
 * The `height` attribute of each chart's embed code: what a host page without any script gives the
 * iframe. Measured in Chromium at 320 px wide (the whole page: title, chart, notes, sources and links,
 * with DejaVu Sans as CI's fallback font) plus about 13% for wider system fonts. tests/e2e/embed.e2e.ts
 * fails, naming the new figure, when a change to the data or the copy makes a chart taller than this.
 */
export const EMBED_HEIGHTS: Record<ChartId, number> = {
	downloads: 1300, // 1143 px measured at 320 px wide
	'isp-actions': 1160, // 1021 px
	timeline: 1200 // 1061 px
};

/**
 * A story step's embed is as tall as its own state (a step with callouts is taller than the chart's
 * default). Measured the same way by tests/e2e/embed-heights.e2e.ts, which rewrites step-heights.json
 * when run with UPDATE_EMBED_HEIGHTS=1 and fails, naming the figure, when a step outgrows its entry.
 */
export function embedHeight(chart: ChartId, step?: number): number {
	const measured = step ? (stepHeights as Record<string, number>)[`${chart}-${step}`] : undefined;
	return measured ?? EMBED_HEIGHTS[chart];
}
