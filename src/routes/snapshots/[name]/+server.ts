import { error } from '@sveltejs/kit';
import { plotSvg } from '$lib/charts/snapshot.server';
import { checkProject } from '$lib/data/check.server';

export const prerender = true;

export function entries() {
	const { story } = checkProject();
	return (story?.steps ?? []).map((step) => ({ name: `step-${step.n}.svg` }));
}

/** A step's chart as an SVG image, for readers without JavaScript and for print. */
export function GET({ params }) {
	const { data, story } = checkProject();
	const n = Number(/^step-(\d+)\.svg$/.exec(params.name)?.[1]);
	const step = story?.steps[n - 1];
	if (!step) error(404, 'No such snapshot');
	return new Response(plotSvg(step.chart, data.rows, step.state).svg, {
		headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' }
	});
}
