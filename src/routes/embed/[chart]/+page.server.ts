import { CHART_IDS } from '$lib/charts/chart-ids';
import { embedView } from '$lib/embed/embed-page.server';

export function entries() {
	return CHART_IDS.map((chart) => ({ chart }));
}

export function load({ params }) {
	return { view: embedView(params.chart) };
}
