import { render } from 'svelte/server';
import ChartForStep from '../story/ChartForStep.svelte';
import type { DatasetRows } from '../schema/datasets';
import type { ChartId } from './chart-ids';
import chartsCss from './shared/charts.css?raw';
import { paletteCss } from './shared/palette';

const MARKERS = /<!--[[\]!]?-?\d*-->/g;
/** Inside an image the SVG is its own viewport, so media queries stand in for container queries. */
const NARROW = '@media (max-width:480px){.tick.minor text{display:none}}';

function closingIndex(html: string, start: number): number {
	const tag = /<svg\b|<\/svg>/g;
	tag.lastIndex = start;
	let depth = 0;
	for (let match = tag.exec(html); match; match = tag.exec(html)) {
		depth += match[0] === '</svg>' ? -1 : 1;
		if (depth === 0) return match.index + '</svg>'.length;
	}
	return html.length;
}

/**
 * The chart's plot as a standalone SVG file, from the same server-rendered markup readers get, with the
 * chart styles inlined: the no-JavaScript story shows these, and they are the source of PNG snapshots.
 */
export function plotSvg(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>
): { svg: string; height: number } {
	const { body } = render(ChartForStep, { props: { chart, rows, state } });
	const html = body.replace(MARKERS, '');
	const start = html.indexOf('<svg class="layercake-layout-svg');
	const svg = html.slice(start, closingIndex(html, start));
	const height = Number(/class="plot[^"]*" style="height: (\d+)px/.exec(html)?.[1] ?? 240);
	const label = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? '';
	const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
	return {
		height,
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}" role="img" aria-label="${label}">` +
			`<style>${paletteCss}${chartsCss}${NARROW}svg{overflow:visible;font-family:system-ui,sans-serif}</style>` +
			`${inner}</svg>`
	};
}
