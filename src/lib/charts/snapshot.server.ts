import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import ChartById from './ChartById.svelte';
import type { DatasetRows } from '../schema/datasets';
import type { ChartId } from './chart-ids';
import sharedChartsCss from './shared/charts.css?raw';
import { paletteCss } from './shared/palette';
import { xmlSafe } from './shared/text';
import { wrapText } from './shared/text-measure';

/**
 * The chart styles a standalone SVG carries: without the `@property` rules, which mean nothing to an SVG
 * renderer and whose `'<length>'` would read as a tag in XML.
 */
const chartsCss = sharedChartsCss.replace(/@property[^{]*\{[^}]*\}\s*/g, '');

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

/** One entry of a chart's key: the marker (classes and path) and its words. */
export interface LegendItem {
	/** The marker's classes, e.g. `marker fam-resisted hollow`; '' for a text glyph. */
	marker: string;
	/** The marker's SVG path, drawn around (0, 0); or a glyph such as ▶. */
	d: string;
	glyph?: string;
	name: string;
}

const unescapeHtml = (text: string) =>
	text
		.replace(/<[^>]*>/g, '')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();

/**
 * The chart's key, read from the same server-rendered HTML (the key is HTML beside the plot, so an image
 * of the plot alone would travel without it): `<ul class="legend">` entries and `<p class="legend">` notes.
 */
function legendOf(html: string): LegendItem[] {
	const items: LegendItem[] = [];
	for (const list of html.matchAll(/<ul class="legend"[^>]*>([^]*?)<\/ul>/g))
		for (const li of list[1]!.matchAll(
			/<li><svg class="([^"]*)"[^>]*><path[^>]* d="([^"]*)"[^>]*>(?:<\/path>)?<\/svg>([^]*?)<\/li>/g
		))
			items.push({ marker: li[1]!, d: li[2]!, name: unescapeHtml(li[3]!) });
	for (const note of html.matchAll(
		/<p class="legend"[^>]*><span class="legend-bound"[^>]*>([^<]*)<\/span>([^]*?)<\/p>/g
	))
		items.push({ marker: '', d: '', glyph: unescapeHtml(note[1]!), name: unescapeHtml(note[2]!) });
	return items;
}

/**
 * The chart's plot as a standalone SVG file, from the same server-rendered markup readers get, with the
 * chart styles inlined: the no-JavaScript story shows these, and they are the source of PNG snapshots.
 */
export function plotSvg(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>
): { svg: string; height: number; legend: LegendItem[] } {
	const { body } = render(ChartById, { props: { chart, rows, state } });
	const html = xmlSafe(body.replace(MARKERS, ''));
	const start = html.indexOf('<svg class="layercake-layout-svg');
	const svg = html.slice(start, closingIndex(html, start));
	const height = Number(/class="plot[^"]*" style="height: (\d+)px/.exec(html)?.[1] ?? 240);
	// Svelte leaves `>` unescaped in attributes, so a label like `"><img …>` must not end the tag early.
	const label = (/aria-label="([^"]*)"/.exec(svg)?.[1] ?? '').replaceAll('>', '&gt;');
	const inner = svg.replace(/^<svg(?:[^>"]|"[^"]*")*>/, '').replace(/<\/svg>$/, '');
	return {
		height,
		legend: legendOf(html),
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}" role="img" aria-label="${label}">` +
			`<style>${paletteCss}${chartsCss}${NARROW}svg{overflow:visible;font-family:system-ui,sans-serif}</style>` +
			`${inner}</svg>`
	};
}

/** Logical width of the tall card; drawn at 2×, 1200 px, for desktop columns and newsletters. */
export const CARD_WIDTH = 600;
/** The phone card: drawn at 343 logical px (a 375 px phone's column), so its text reads at that size. */
export const PHONE_WIDTH = 343;
const PNG_SCALE = 2;
const PAD = 24;

export type CardTheme = 'light' | 'dark';

/** resvg knows no CSS custom properties, so the card's styles get the palette's values inlined. */
function inlineVariables(css: string, theme: CardTheme = 'light'): string {
	const block =
		theme === 'dark'
			? /prefers-color-scheme:\s*dark\)\s*\{:root\{([^}]*)\}/.exec(paletteCss)
			: /:root\{([^}]*)\}/.exec(paletteCss);
	const values = new Map(
		Array.from(block?.[1]?.matchAll(/--([\w-]+):([^;]+)/g) ?? [], (m) => [m[1]!, m[2]!])
	);
	// The dark block sets only colours; the rest (--dim) comes from the light one.
	for (const m of /:root\{([^}]*)\}/.exec(paletteCss)?.[1]?.matchAll(/--([\w-]+):([^;]+)/g) ?? [])
		if (!values.has(m[1]!)) values.set(m[1]!, m[2]!);
	return css.replace(/var\(--([\w-]+)\)/g, (whole, name: string) => values.get(name) ?? whole);
}

const escapeXml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface CardText {
	title: string;
	description: string;
	/** Shown at the foot, e.g. "Source: Excipio, via TorrentFreak." */
	footer: string;
	/** Day the chart's data last changed, in words ("6 December 2014"): the card's "Data updated" day. */
	asOf?: string;
	/** Who published it, after the source: "Graphic: …". */
	credit?: string;
}

export interface Card {
	svg: string;
	/** Size of the PNG in pixels. */
	width: number;
	height: number;
}

/** Key entries flowed into rows like the HTML key; a name too long for the row wraps. */
function legendBlock(
	items: LegendItem[],
	x: number,
	y: number,
	width: number,
	size: number
): { svg: string; height: number } {
	if (!items.length) return { svg: '', height: 0 };
	const lead = Math.round(size * 1.45);
	const marker = size * 1.1;
	const gap = marker + 6;
	let cx = x;
	let top = y;
	let rowLines = 1;
	const parts: string[] = [];
	for (const item of items) {
		const lines = wrapText(item.name, size, width - gap, 0.6);
		const w = gap + Math.max(...lines.map((line) => line.length)) * size * 0.6 + size;
		if (cx > x && cx + w > x + width) {
			cx = x;
			top += rowLines * lead + size * 0.3;
			rowLines = 1;
		}
		rowLines = Math.max(rowLines, lines.length);
		const base = top + size * 0.35;
		parts.push(
			item.glyph
				? `<text class="legend-bound" x="${cx}" y="${base}" font-size="${size}">${escapeXml(item.glyph)}</text>`
				: `<g class="${escapeXml(item.marker)}" transform="translate(${cx + marker / 2} ${top}) scale(${marker / 14})"><path d="${escapeXml(item.d)}"/></g>`,
			`<text class="card-legend" font-size="${size}">` +
				lines
					.map((l, i) => `<tspan x="${cx + gap}" y="${base + i * lead}">${escapeXml(l)}</tspan>`)
					.join('') +
				'</text>'
		);
		cx += w;
	}
	return { svg: parts.join(''), height: top - y + rowLines * lead };
}

function cardCss(theme: CardTheme): string {
	return inlineVariables(
		`${chartsCss}.card-title{font-weight:700;fill:var(--ink)}.card-dek,.card-foot,.card-legend{fill:var(--muted)}` +
			'.legend-bound{fill:var(--base)}.marker path{fill:currentColor;stroke:currentColor}' +
			'text{font-family:"DejaVu Sans",sans-serif}',
		theme
	);
}

const background = (theme: CardTheme) => inlineVariables('var(--bg)', theme);

const stripStyle = (svg: string) =>
	svg.replace(/^<svg[^>]*><style>[^]*?<\/style>/, '').replace(/<\/svg>$/, '');

/** The source and the "Data updated" day, as a card's foot and an embed image's caption say them. */
export function sourceAndDate(text: Pick<CardText, 'footer' | 'asOf'>): string {
	return [text.footer, text.asOf ? `Data updated ${text.asOf}.` : ''].filter(Boolean).join(' ');
}

function footLine(text: CardText): string {
	return [sourceAndDate(text), text.credit ?? ''].filter(Boolean).join(' ');
}

/**
 * A snapshot card: title, description, the plot with its key, "Data updated" day and sources, as one SVG the
 * width of a column (600 logical px, or 343 for phones, drawn at 2×). A chart image without its title and
 * source would travel without its context.
 */
export function snapshotCard(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>,
	text: CardText,
	{ width = CARD_WIDTH, theme = 'light' as CardTheme } = {}
): Card {
	const plot = plotSvg(chart, rows, state);
	const inner = width - 2 * PAD;
	const block = (lines: string[], size: number, lead: number, y: number, cls: string) =>
		`<text class="${cls}" font-size="${size}">` +
		lines.map((l, i) => `<tspan x="${PAD}" y="${y + i * lead}">${escapeXml(l)}</tspan>`).join('') +
		'</text>';
	const title = wrapText(text.title, 20, inner, 0.62);
	const dek = wrapText(text.description, 14, inner, 0.56);
	const foot = wrapText(footLine(text), 11, inner, 0.56);
	let y = PAD + 18;
	const head = block(title, 20, 26, y, 'card-title');
	y += (title.length - 1) * 26 + 24;
	const sub = block(dek, 14, 19, y, 'card-dek');
	y += (dek.length - 1) * 19 + 22;
	const plotTop = y;
	y += plot.height + 24;
	const legend = legendBlock(plot.legend, PAD, y, inner, 12);
	y += legend.height + (legend.height ? 8 : 4);
	const tail = block(foot, 11, 15, y, 'card-foot');
	const height = Math.ceil(y + (foot.length - 1) * 15 + PAD);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<style>${cardCss(theme)}</style><rect width="100%" height="100%" fill="${background(theme)}"/>${head}${sub}` +
		`<svg class="plot" x="${PAD}" y="${plotTop}" width="${inner}" height="${plot.height}" overflow="visible">${stripStyle(plot.svg)}</svg>` +
		`${legend.svg}${tail}</svg>`;
	return { svg, width: width * PNG_SCALE, height: height * PNG_SCALE };
}

/** Link-preview cards are 1200×630 (1.91:1): Facebook, LinkedIn and X crop anything else. */
export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

/**
 * The card link previews show: 1200×630 with the title, the key, the "Data updated" day and the source all
 * inside the frame. The plot is scaled down to the room left between them, never cropped.
 */
export function shareCard(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>,
	text: CardText
): Card {
	const pad = 48;
	const inner = SHARE_WIDTH - 2 * pad;
	const plot = plotSvg(chart, rows, state);
	const title = wrapText(text.title, 44, inner, 0.62).slice(0, 2);
	const foot = wrapText(footLine(text), 20, inner, 0.56).slice(0, 2);
	const lines = (list: string[], size: number, lead: number, y: number, cls: string) =>
		`<text class="${cls}" font-size="${size}">` +
		list.map((l, i) => `<tspan x="${pad}" y="${y + i * lead}">${escapeXml(l)}</tspan>`).join('') +
		'</text>';
	let y = pad + 40;
	const head = lines(title, 44, 52, y, 'card-title');
	y += (title.length - 1) * 52 + 28;
	const legend = legendBlock(plot.legend, pad, y, inner, 20);
	y += legend.height + (legend.height ? 4 : 0);
	const footTop = SHARE_HEIGHT - pad - (foot.length - 1) * 26;
	const room = footTop - 36 - y;
	// A plot taller than the room is drawn wider and scaled down as a whole, so it keeps its proportions.
	const scale = Math.min(1, room / plot.height);
	const plotSvgEl =
		`<g transform="translate(${pad} ${y}) scale(${scale})"><svg class="plot" width="${inner / scale}" ` +
		`height="${plot.height}" overflow="visible">${stripStyle(plot.svg)}</svg></g>`;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}">` +
		`<style>${cardCss('light')}</style><rect width="100%" height="100%" fill="${background('light')}"/>` +
		`${head}${legend.svg}${plotSvgEl}${lines(foot, 20, 26, footTop, 'card-foot')}</svg>`;
	return { svg, width: SHARE_WIDTH, height: SHARE_HEIGHT };
}

/**
 * resvg draws text only with fonts it is given, and build machines may have none: DejaVu Sans comes
 * from the `dejavu-fonts-ttf` npm package (TTF, free licence, wide Unicode coverage incl. £ and –).
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((name) =>
	createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)
);

/** The card as a PNG, 1200 px wide: for og:image, newsletters and the no-script fallback. */
export function cardPng(card: { svg: string; width: number }): Uint8Array {
	const resvg = new Resvg(card.svg, {
		fitTo: { mode: 'width', value: card.width },
		font: {
			fontFiles: FONT_FILES,
			loadSystemFonts: false,
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans'
		}
	});
	return resvg.render().asPng();
}
