import { CHART_IDS } from '$lib/charts/chart-ids';
import { checkProject } from '$lib/server/project.server';
import { embedView } from '$lib/embed/embed-page.server';
import { PRERENDERED_OPTIONS } from '$lib/embed/options';

/**
 * What follows the chart: a story step (/embed/timeline/4/) or a fixed theme for the chart's default
 * state (/embed/timeline/dark/), the options that must hold with no script in the frame; see options.ts.
 */
export function entries() {
	const { story } = checkProject();
	return [
		...(story?.steps ?? []).map((step) => ({ chart: step.chart, step: String(step.n) })),
		...CHART_IDS.flatMap((chart) => PRERENDERED_OPTIONS.map((step) => ({ chart, step })))
	];
}

export function load({ params }) {
	return { view: embedView(params.chart, params.step) };
}
