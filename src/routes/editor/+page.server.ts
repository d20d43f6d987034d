import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_IDS, type ChartId } from '$lib/charts/chart-ids';
import { checkProject } from '$lib/server/project.server';
import { datasetFile } from '$lib/schema/datasets';
import { STORY_FILE } from '$lib/story/story';

/** The published files and story as written, so the browser checks and fills them with the build's code. */
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
	// The story copy, so the page can fill its sentences from a draft as the build would.
	const source = readFileSync(join(process.cwd(), STORY_FILE), 'utf8');
	// The quotations the story's copy check matches against (not editable here).
	return { published, steps, updated: data.updated, story: source, quotes: data.rows.quotes };
}
