import { base } from '$app/paths';
import { error } from '@sveltejs/kit';
import { CHARTS, defaultState, isChartId, type ChartId } from '../charts/registry';
import { distinctSources } from '../charts/shared/sources-line';
import { snapshotCard } from '../charts/snapshot.server';
import { checkProject } from '../server/project.server';
import type { DatasetId, DatasetRows } from '../schema/datasets';
import { embedCodes, type EmbedCodes } from './embed-code';
import { EMBED_HEIGHTS } from './heights';
import { publicUrl, siteOrigin } from './site';

/** One embeddable state: a chart's default (`/embed/<chart>/`) or a story step's (`/embed/<chart>/<n>/`). */
export interface EmbedView {
	chart: ChartId;
	step?: number;
	/** `downloads` or `downloads-12`: the id heights are posted under. */
	id: string;
	rows: DatasetRows;
	updated: Record<DatasetId, string>;
	state: Record<string, unknown>;
	title: string;
	description: string;
	/** Public URLs, absolute when PUBLIC_SITE_URL is set. */
	canonical: string;
	oembed: string;
	image: { url: string; width: number; height: number; alt: string };
	codes: EmbedCodes;
	/** The no-script iframe height in the codes. */
	height: number;
	/** On a chart's page: the story steps that show this chart, for `?step=<n>`. */
	steps: number[];
}

/** Where the snapshot PNG of a state is served, under /snapshots/. */
export const snapshotName = (chart: ChartId, step?: number) =>
	step ? `step-${step}.png` : `${chart}.png`;

function footerOf(rows: DatasetRows, chart: ChartId): string {
	const sources = distinctSources(rows[chart]).map((source) => source.label);
	return `Source${sources.length === 1 ? '' : 's'}: ${sources.join(', ')}.`;
}

/** Everything an embed page, its oEmbed JSON and its snapshot need; 404 for an unknown chart or step. */
export function embedView(chartParam: string, stepParam?: string): EmbedView {
	const { data, story } = checkProject();
	if (!isChartId(chartParam)) error(404, 'No such chart');
	const chart = chartParam;
	let state = defaultState(chart);
	let step: number | undefined;
	if (stepParam !== undefined) {
		const found = story?.steps[Number(stepParam) - 1];
		if (!found || found.chart !== chart || String(found.n) !== stepParam)
			error(404, 'No such step');
		state = found.state;
		step = found.n;
	}
	const definition = CHARTS[chart];
	const site = { origin: siteOrigin(), base };
	const path = `/embed/${chart}/${step ? `${step}/` : ''}`;
	const card = snapshotCard(chart, data.rows, state, {
		title: definition.title,
		description: definition.description,
		footer: footerOf(data.rows, chart)
	});
	const alt = definition.describe(data.rows, state as never);
	const image = {
		url: publicUrl(`/snapshots/${snapshotName(chart, step)}`, site),
		width: card.width,
		height: card.height,
		alt
	};
	const id = step ? `${chart}-${step}` : chart;
	return {
		chart,
		step,
		id,
		rows: data.rows,
		updated: data.updated,
		state,
		title: definition.title,
		description: definition.description,
		canonical: publicUrl(path, site),
		oembed: publicUrl(`${path}oembed.json`, site),
		image,
		codes: embedCodes({
			id,
			title: definition.title,
			height: EMBED_HEIGHTS[chart],
			src: publicUrl(path, site),
			loader: publicUrl('/embed.js', site),
			image: { src: image.url, width: image.width, height: image.height, alt }
		}),
		height: EMBED_HEIGHTS[chart],
		steps: step ? [] : (story?.steps ?? []).filter((s) => s.chart === chart).map((s) => s.n)
	};
}

/** The PNG snapshot's card for a state, for /snapshots/<chart>.png and /snapshots/step-<n>.png. */
export function snapshotFor(chart: ChartId, step?: number) {
	const view = embedView(chart, step === undefined ? undefined : String(step));
	return snapshotCard(view.chart, view.rows, view.state, {
		title: view.title,
		description: view.description,
		footer: footerOf(view.rows, view.chart)
	});
}

/** oEmbed 1.0 "rich" response (https://oembed.com/#section2.3.4) for one embed page. */
export function oembedJson(view: EmbedView) {
	return {
		version: '1.0',
		type: 'rich',
		provider_name: 'The providers, the leaks and the pirates',
		provider_url: publicUrl('/', { origin: siteOrigin(), base }),
		title: view.title,
		html: view.codes.iframe,
		width: 600,
		height: EMBED_HEIGHTS[view.chart],
		thumbnail_url: view.image.url,
		thumbnail_width: view.image.width,
		thumbnail_height: view.image.height,
		cache_age: 86400
	};
}
