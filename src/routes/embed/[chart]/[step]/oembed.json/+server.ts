import { json } from '@sveltejs/kit';
import { checkProject } from '$lib/server/project.server';
import { embedView, oembedJson } from '$lib/embed/embed-page.server';

export const prerender = true;

export function entries() {
	const { story } = checkProject();
	return (story?.steps ?? []).map((step) => ({ chart: step.chart, step: String(step.n) }));
}

/** oEmbed discovery target of /embed/<chart>/<n>/, linked from its <head>. */
export function GET({ params }) {
	return json(oembedJson(embedView(params.chart, params.step)));
}
