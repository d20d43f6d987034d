import { json } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { checkProject } from '$lib/server/project.server';
import ChartById from '$lib/charts/ChartById.svelte';
import { HYDRATION_MARKER } from '$lib/server/hydration-marker';

export const prerender = true;

/**
 * Every story step's chart body as markup, keyed by step number, fetched once by the story's script.
 * Markup rather than an HTML page, so the browser parses one state at a time, when a chart needs it,
 * instead of building every state's elements at once (whose garbage collection then lands mid-scroll).
 */
export function GET() {
	const { data, story } = checkProject();
	const states: Record<string, string> = {};
	for (const step of story?.steps ?? []) {
		const { body } = render(ChartById, {
			props: { chart: step.chart, rows: data.rows, state: step.state, inStory: true }
		});
		states[step.n] = body.replace(HYDRATION_MARKER, '').trim();
	}
	return json(states);
}
