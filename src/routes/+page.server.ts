import { error } from '@sveltejs/kit';
import { CHARTS, chartCopy } from '$lib/charts/registry';
import { plotSvg } from '$lib/charts/snapshot.server';
import { checkProject } from '$lib/server/project.server';

export function load() {
	const { data, story, errors } = checkProject();
	// The build gate stops bad data before this runs; in the dev server this shows the editor what is wrong.
	if (errors.length || !story) error(500, errors.join('\n') || 'The story could not be read.');
	// Readers without JavaScript see each step's chart as an image; its size is fixed here to avoid layout shift.
	const figures = story.steps.map((step) => ({
		height: plotSvg(step.chart, data.rows, step.state).height,
		describe: CHARTS[step.chart].describe(data.rows, step.state as never),
		title: chartCopy(step.chart, data.rows).title
	}));
	return { rows: data.rows, updated: data.updated, story, figures };
}
