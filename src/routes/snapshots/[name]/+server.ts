import { error } from '@sveltejs/kit';
import { CHART_IDS, isChartId } from '$lib/charts/chart-ids';
import { cardPng, plotSvg } from '$lib/charts/snapshot.server';
import { checkProject } from '$lib/server/project.server';
import { snapshotFor } from '$lib/embed/embed-page.server';

export const prerender = true;

export function entries() {
	const { story } = checkProject();
	const steps = story?.steps ?? [];
	return [
		...steps.map((step) => ({ name: `step-${step.n}.svg` })),
		...steps.map((step) => ({ name: `step-${step.n}.png` })),
		...CHART_IDS.map((chart) => ({ name: `${chart}.png` }))
	];
}

/**
 * Snapshots made at build time from the server-rendered chart. `step-<n>.svg`: a step's plot, for the
 * story's readers without JavaScript and print. `step-<n>.png` and `<chart>.png`: a titled, sourced
 * card, 1200 px wide, for og:image, newsletters and the embed code's no-script fallback.
 */
export function GET({ params }) {
	const { data, story } = checkProject();
	const match = /^(?:step-(\d+)|([a-z-]+))\.(svg|png)$/.exec(params.name);
	const step = match?.[1] ? story?.steps[Number(match[1]) - 1] : undefined;
	const chart = match?.[2];
	if (match?.[3] === 'svg' && step) {
		return new Response(plotSvg(step.chart, data.rows, step.state).svg, {
			headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' }
		});
	}
	if (match?.[3] === 'png' && (step || (chart && isChartId(chart)))) {
		const card = step ? snapshotFor(step.chart, step.n) : snapshotFor(chart as never);
		return new Response(cardPng(card) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
	}
	error(404, 'No such snapshot');
}
