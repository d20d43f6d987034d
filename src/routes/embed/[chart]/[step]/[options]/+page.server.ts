import { checkProject } from '$lib/server/project.server';
import { embedView } from '$lib/embed/embed-page.server';
import { allOptions, optionsSegment } from '$lib/embed/options';

/** A story step with display options: /embed/timeline/4/dark/ (see options.ts). */
export function entries() {
	const { story } = checkProject();
	return (story?.steps ?? []).flatMap((step) =>
		allOptions().map((options) => ({
			chart: step.chart,
			step: String(step.n),
			options: optionsSegment(options)
		}))
	);
}

export function load({ params }) {
	return { view: embedView(params.chart, params.step, params.options) };
}
