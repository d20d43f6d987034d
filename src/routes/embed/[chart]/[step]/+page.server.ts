import { checkProject } from '$lib/server/project.server';
import { embedView } from '$lib/embed/embed-page.server';

/** Every story step's state, under the chart it shows: /embed/timeline/4/. */
export function entries() {
	const { story } = checkProject();
	return (story?.steps ?? []).map((step) => ({ chart: step.chart, step: String(step.n) }));
}

export function load({ params }) {
	return { view: embedView(params.chart, params.step) };
}
