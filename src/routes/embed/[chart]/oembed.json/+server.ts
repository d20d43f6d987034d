import { json } from '@sveltejs/kit';
import { CHART_IDS } from '$lib/charts/chart-ids';
import { embedView, oembedJson } from '$lib/embed/embed-page.server';

export const prerender = true;

export function entries() {
	return CHART_IDS.map((chart) => ({ chart }));
}

/** oEmbed discovery target of /embed/<chart>/, linked from its <head>. */
export function GET({ params }) {
	return json(oembedJson(embedView(params.chart)));
}
