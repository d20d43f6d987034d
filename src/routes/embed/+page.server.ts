import { CHART_IDS } from '$lib/charts/chart-ids';
import { embedView } from '$lib/embed/embed-page.server';
import { siteOrigin } from '$lib/embed/site';

export function load() {
	return { views: CHART_IDS.map((chart) => embedView(chart)), absolute: Boolean(siteOrigin()) };
}
