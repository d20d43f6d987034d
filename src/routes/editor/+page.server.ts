import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_IDS, type ChartId } from '$lib/charts/chart-ids';
import { checkProject } from '$lib/server/project.server';
import { datasetFile } from '$lib/schema/datasets';

/** The published files as written, so the browser validates them with the same code as the build. */
export function load() {
	const { data, story, errors } = checkProject();
	if (errors.length || !story) error(500, errors.join('\n') || 'The story could not be read.');
	const published = {} as Record<ChartId, string>;
	const steps = {} as Record<ChartId, { n: number; state: Record<string, unknown> }[]>;
	for (const id of CHART_IDS) {
		published[id] = readFileSync(join(process.cwd(), datasetFile(id)), 'utf8');
		steps[id] = story.steps
			.filter((step) => step.chart === id)
			.map((step) => ({ n: step.n, state: step.state }));
	}
	return { published, steps, updated: data.updated };
}
