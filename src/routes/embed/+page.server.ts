import { CHART_IDS } from '$lib/charts/chart-ids';
import { embedView } from '$lib/embed/embed-page.server';
import { siteOrigin } from '$lib/embed/site';

export function load() {
	const charts = CHART_IDS.map((chart) => {
		const view = embedView(chart);
		return { view, steps: view.steps.map((n) => embedView(chart, String(n))) };
	});
	return { charts, absolute: Boolean(siteOrigin()) };
}
