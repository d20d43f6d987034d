import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import ChartById from './ChartById.svelte';
import type { DatasetRows } from '../schema/datasets';
import type { ChartId } from './chart-ids';
import chartsCss from './shared/charts.css?raw';
import { paletteCss } from './shared/palette';
import { xmlSafe } from './shared/text';

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
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}" role="img" aria-label="${label}">` +
			`<style>${paletteCss}${chartsCss}${NARROW}svg{overflow:visible;font-family:system-ui,sans-serif}</style>` +
			`${inner}</svg>`
	};
}

/** Logical width of a snapshot card; the PNG is drawn at twice this, 1200 px, the usual og:image width. */
const CARD_WIDTH = 600;
const PNG_SCALE = 2;
const PAD = 24;

/** resvg knows no CSS custom properties, so the card's styles get the light palette's values inlined. */
function inlineVariables(css: string): string {
	const values = new Map(
		Array.from(
			/:root\{([^}]*)\}/.exec(paletteCss)?.[1]?.matchAll(/--([\w-]+):([^;]+)/g) ?? [],
			(m) => [m[1]!, m[2]!]
		)
	);
	return css.replace(/var\(--([\w-]+)\)/g, (whole, name: string) => values.get(name) ?? whole);
}

const escapeXml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Greedy wrapping by an average glyph width: DejaVu Sans runs about 0.6 em (bold) and 0.55 em. */
export function wrapText(text: string, fontSize: number, width: number, em = 0.58): string[] {
	const max = Math.max(8, Math.floor(width / (fontSize * em)));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

export interface CardText {
	title: string;
	description: string;
	/** Shown at the foot, e.g. "Source: Excipio, via TorrentFreak." */
	footer: string;
}

/**
 * A snapshot card: title, description, the plot and its sources, as one SVG the width of a phone
 * column. A chart image without its title and source would travel without its context.
 */
export function snapshotCard(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>,
	text: CardText
): { svg: string; width: number; height: number } {
	const plot = plotSvg(chart, rows, state);
	const inner = CARD_WIDTH - 2 * PAD;
	const block = (lines: string[], size: number, lead: number, y: number, cls: string) =>
		`<text class="${cls}" font-size="${size}">` +
		lines.map((l, i) => `<tspan x="${PAD}" y="${y + i * lead}">${escapeXml(l)}</tspan>`).join('') +
		'</text>';
	const title = wrapText(text.title, 20, inner, 0.62);
	const dek = wrapText(text.description, 14, inner, 0.56);
	const foot = wrapText(text.footer, 11, inner, 0.56);
	let y = PAD + 18;
	const head = block(title, 20, 26, y, 'card-title');
	y += (title.length - 1) * 26 + 24;
	const sub = block(dek, 14, 19, y, 'card-dek');
	y += (dek.length - 1) * 19 + 22;
	const plotTop = y;
	y += plot.height + 28;
	const tail = block(foot, 11, 15, y, 'card-foot');
	const height = Math.ceil(y + (foot.length - 1) * 15 + PAD);
	const plotInner = plot.svg
		.replace(/^<svg[^>]*><style>[^]*?<\/style>/, '')
		.replace(/<\/svg>$/, '');
	const css = inlineVariables(
		`${chartsCss}.card-title{font-weight:700;fill:var(--ink)}.card-dek,.card-foot{fill:var(--muted)}` +
			'text{font-family:"DejaVu Sans",sans-serif}'
	);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}">` +
		`<style>${css}</style><rect width="100%" height="100%" fill="#ffffff"/>${head}${sub}` +
		`<svg class="plot" x="${PAD}" y="${plotTop}" width="${inner}" height="${plot.height}" overflow="visible">${plotInner}</svg>` +
		`${tail}</svg>`;
	return { svg, width: CARD_WIDTH * PNG_SCALE, height: height * PNG_SCALE };
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
