import { base } from '$app/paths';
import { error } from '@sveltejs/kit';
import { CHARTS, chartCopy, defaultState, isChartId, type ChartId } from '../charts/registry';
import { dayInWords } from '../charts/shared/format';
import { sourcesLine } from '../charts/shared/sources-line';
import {
	PHONE_WIDTH,
	shareCard,
	snapshotCard,
	sourceAndDate,
	type Card,
	type CardText,
	type CardTheme
} from '../charts/snapshot.server';
import { checkProject } from '../server/project.server';
import type { DatasetId, DatasetRows } from '../schema/datasets';
import { embedCodes, type EmbedCodes } from './embed-code';
import { embedHeight } from './heights';
import { DEFAULT_OPTIONS, parseOptions, type EmbedOptions } from './options';
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
	/** The display options of this address (theme, plain, transparent). */
	options: EmbedOptions;
	/** Public URLs, absolute when PUBLIC_SITE_URL is set. This state's embed page without options: the address the codes give. */
	src: string;
	/** The chart in the story (`/#step-<n>`): embed pages are noindex and point search engines there. */
	story: string;
	oembed: string;
	image: { url: string; width: number; height: number; alt: string };
	codes: EmbedCodes;
	/** The no-script iframe height in the codes. */
	height: number;
	/** On a chart's page: the story steps that show this chart, for `?step=<n>`. */
	steps: number[];
	/** "By the graphics desk": the publisher credit on every embed, from the story's byline. */
	credit: string;
}

export type SnapshotKind = 'wide' | 'wide-dark' | 'phone' | 'phone-dark' | 'share';
export const SNAPSHOT_KINDS: SnapshotKind[] = ['wide', 'wide-dark', 'phone', 'phone-dark', 'share'];

/** Where a snapshot PNG of a state is served, under /snapshots/: `downloads.png`, `step-4-share.png`. */
export const snapshotName = (chart: ChartId, step?: number, kind: SnapshotKind = 'wide') =>
	`${step ? `step-${step}` : chart}${kind === 'wide' ? '' : `-${kind}`}.png`;

/** The step a story link lands on for a chart: the step itself, else the first step showing the chart. */
function storyStep(chart: ChartId, step?: number): number | undefined {
	return step ?? checkProject().story?.steps.find((s) => s.chart === chart)?.n;
}

/**
 * Everything an embed page, its oEmbed JSON and its snapshots need; 404 for an unknown chart, step or
 * option set. `segment` is what follows the chart: a step number or an option set (`dark-plain`).
 */
export function embedView(chartParam: string, segment?: string, optionsParam?: string): EmbedView {
	const { data, story } = checkProject();
	if (!isChartId(chartParam)) error(404, 'No such chart');
	const chart = chartParam;
	let stepParam = segment;
	let options = DEFAULT_OPTIONS;
	if (segment !== undefined && optionsParam === undefined && parseOptions(segment)) {
		stepParam = undefined;
		optionsParam = segment;
	}
	if (optionsParam !== undefined) {
		const parsed = parseOptions(optionsParam);
		if (!parsed) error(404, 'No such embed option');
		options = parsed;
	}
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
	const copy = chartCopy(chart, data.rows);
	const site = { origin: siteOrigin(), base };
	const path = `/embed/${chart}/${step ? `${step}/` : ''}`;
	const landing = storyStep(chart, step);
	const storyUrl = publicUrl(`/${landing ? `#step-${landing}` : ''}`, site);
	const alt = definition.describe(data.rows, state as never);
	const text = cardText(chart, data.rows, data.updated, story?.byline ?? '');
	const { wide, phone } = cardSizes(data.rows, `${chart}-${step}`, () => ({
		wide: snapshotCard(chart, data.rows, state, text),
		phone: snapshotCard(chart, data.rows, state, text, { width: PHONE_WIDTH })
	}));
	const image = {
		url: publicUrl(`/snapshots/${snapshotName(chart, step, 'share')}`, site),
		width: 1200,
		height: 630,
		alt
	};
	const id = step ? `${chart}-${step}` : chart;
	const height = embedHeight(chart, data.rows, state, {
		updated: data.updated[chart],
		credit: story?.byline ?? ''
	});
	const src = publicUrl(path, site);
	return {
		chart,
		step,
		id,
		rows: data.rows,
		updated: data.updated,
		state,
		title: copy.title,
		description: copy.description,
		options,
		src,
		story: storyUrl,
		oembed: publicUrl(`${path}oembed.json`, site),
		image,
		codes: embedCodes({
			id,
			title: step ? `${copy.title} (step ${step})` : copy.title,
			height,
			src,
			loader: publicUrl('/embed.js', site),
			image: {
				src: publicUrl(`/snapshots/${snapshotName(chart, step)}`, site),
				width: wide.width,
				height: wide.height,
				phone: {
					src: publicUrl(`/snapshots/${snapshotName(chart, step, 'phone')}`, site),
					width: phone.width,
					height: phone.height
				},
				alt,
				href: storyUrl,
				caption: sourceAndDate(text)
			}
		}),
		height,
		steps: step ? [] : (story?.steps ?? []).filter((s) => s.chart === chart).map((s) => s.n),
		credit: story?.byline ?? ''
	};
}

/** Card sizes per state and loaded data: each of a state's option pages would otherwise redraw both. */
const sizes = new WeakMap<object, Map<string, { wide: Card; phone: Card }>>();
function cardSizes(rows: DatasetRows, key: string, draw: () => { wide: Card; phone: Card }) {
	let byState = sizes.get(rows);
	if (!byState) sizes.set(rows, (byState = new Map()));
	let found = byState.get(key);
	if (!found) byState.set(key, (found = draw()));
	return found;
}

function cardText(
	chart: ChartId,
	rows: DatasetRows,
	updated: Record<DatasetId, string>,
	byline: string
): CardText {
	return {
		title: chartCopy(chart, rows).title,
		description: chartCopy(chart, rows).description,
		footer: sourcesLine(rows[chart]),
		asOf: updated[chart] ? dayInWords(updated[chart]) : undefined,
		credit: byline ? `Graphic: ${byline.replace(/^By\s+/i, '')}.` : undefined
	};
}

/** One snapshot PNG's card: column or phone width, light or dark, or the 1200×630 share card. */
export function snapshotFor(chart: ChartId, step: number | undefined, kind: SnapshotKind): Card {
	const { data, story } = checkProject();
	const view = embedView(chart, step === undefined ? undefined : String(step));
	const text = cardText(chart, data.rows, data.updated, story?.byline ?? '');
	if (kind === 'share') return shareCard(chart, data.rows, view.state, text);
	const theme: CardTheme = kind.endsWith('dark') ? 'dark' : 'light';
	const width = kind.startsWith('phone') ? PHONE_WIDTH : undefined;
	return snapshotCard(chart, data.rows, view.state, text, { width, theme });
}

/**
 * oEmbed 1.0 "rich" response (https://oembed.com/#section2.3.4) for one embed page. A static host can't
 * read `maxwidth`, so the response gives the one height that fits every width down to 320 px; the
 * frame then sizes itself to the consumer's column (WordPress, pym, AMP, /embed.js messages).
 */
export function oembedJson(view: EmbedView) {
	return {
		version: '1.0',
		type: 'rich',
		provider_name: checkProject().story?.headline ?? '',
		provider_url: publicUrl('/', { origin: siteOrigin(), base }),
		title: view.title,
		html: view.codes.iframe,
		width: 600,
		height: view.height,
		thumbnail_url: view.image.url,
		thumbnail_width: view.image.width,
		thumbnail_height: view.image.height,
		cache_age: 86400
	};
}
