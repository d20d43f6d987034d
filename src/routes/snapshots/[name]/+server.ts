import { error } from '@sveltejs/kit';
import { CHART_IDS, isChartId } from '$lib/charts/chart-ids';
import { cardPng, plotSvg } from '$lib/charts/snapshot.server';
import { checkProject } from '$lib/server/project.server';
import {
	SNAPSHOT_KINDS,
	snapshotFor,
	snapshotName,
	type SnapshotKind
} from '$lib/embed/embed-page.server';

export const prerender = true;

export function entries() {
	const { story } = checkProject();
	const steps = story?.steps ?? [];
	return [
		...steps.map((step) => ({ name: `step-${step.n}.svg` })),
		...SNAPSHOT_KINDS.flatMap((kind) => [
			...steps.map((step) => ({ name: snapshotName(step.chart, step.n, kind) })),
			...CHART_IDS.map((chart) => ({ name: snapshotName(chart, undefined, kind) }))
		])
	];
}

const NAME = /^(?:step-(\d+)|([a-z-]+?))(?:-(wide-dark|phone-dark|phone|share))?\.(svg|png)$/;

/**
 * Snapshots made at build time from the server-rendered chart. `step-<n>.svg`: a step's plot, for the
 * story's readers without JavaScript and print. PNG cards, titled, keyed, dated and sourced:
 * `<state>.png` 1200 px wide for columns and newsletters, `<state>-phone.png` drawn for a 343 px column,
 * `-wide-dark`/`-phone-dark` on the dark palette, and `<state>-share.png`, the 1200×630 link preview.
 * `<state>` is a chart id (its default state) or `step-<n>`.
 */
export function GET({ params }) {
	const { data, story } = checkProject();
	const match = NAME.exec(params.name);
	const step = match?.[1] ? story?.steps[Number(match[1]) - 1] : undefined;
	const chart = match?.[2];
	const kind = (match?.[3] ?? 'wide') as SnapshotKind;
	if (match?.[4] === 'svg' && step && !match[3]) {
		return new Response(plotSvg(step.chart, data.rows, step.state).svg, {
			headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' }
		});
	}
	if (match?.[4] === 'png' && (step || (chart && isChartId(chart)))) {
		const card = step
			? snapshotFor(step.chart, step.n, kind)
			: snapshotFor(chart as never, undefined, kind);
		return new Response(cardPng(card) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
	}
	error(404, 'No such snapshot');
}
