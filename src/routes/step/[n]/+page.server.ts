import { base } from '$app/paths';
import { error } from '@sveltejs/kit';
import { CHARTS, chartCopy } from '$lib/charts/registry';
import { snapshotName } from '$lib/embed/embed-page.server';
import { publicUrl, siteOrigin } from '$lib/embed/site';
import { checkProject } from '$lib/server/project.server';

/** One share page per story step: crawlers never see `#step-<n>`, so each step needs an address. */
export function entries() {
	return (checkProject().story?.steps ?? []).map((step) => ({ n: String(step.n) }));
}

export function load({ params }) {
	const { story, data } = checkProject();
	const step = story?.steps[Number(params.n) - 1];
	if (!story || !step || String(step.n) !== params.n) error(404, 'No such step');
	const site = { origin: siteOrigin(), base };
	return {
		n: step.n,
		total: story.steps.length,
		headline: story.headline,
		title: `${chartCopy(step.chart, data.rows).title}: step ${step.n} of ${story.steps.length}`,
		description: step.announce,
		/** Where the reader goes: the story, at this step. */
		target: `${base}/#step-${step.n}`,
		canonical: publicUrl('/', site),
		url: publicUrl(`/step/${step.n}/`, site),
		image: publicUrl(`/snapshots/${snapshotName(step.chart, step.n, 'share')}`, site),
		alt: CHARTS[step.chart].describe(data.rows, step.state as never)
	};
}
