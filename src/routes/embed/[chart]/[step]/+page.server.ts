import { error } from '@sveltejs/kit';
import { isChartId } from '$lib/charts/chart-ids';
import { checkProject } from '$lib/data/check.server';

/** Every story step's state, under the chart it shows: /embed/timeline/4/. */
export function entries() {
	const { story } = checkProject();
	return (story?.steps ?? []).map((step) => ({ chart: step.chart, step: String(step.n) }));
}

export function load({ params }) {
	const { data, story } = checkProject();
	const step = story?.steps[Number(params.step) - 1];
	if (!isChartId(params.chart) || !step || step.chart !== params.chart) error(404, 'No such step');
	return {
		chart: params.chart,
		rows: data.rows,
		updated: data.updated,
		state: step.state,
		step: step.n
	};
}
