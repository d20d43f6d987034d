import { CHARTS, chartCopy, type ChartId } from '../charts/registry';
import { dayInWords } from '../charts/shared/format';
import { sourcesLine } from '../charts/shared/sources-line';
import { pageBlocksHeight, type PageBlocks } from '../charts/shared/text-measure';
import type { DatasetRows } from '../schema/datasets';

/** The width a no-script height is promised for: the narrowest phone column an embed is laid out for. */
const EMBED_HEIGHT_WIDTH = 320;
/** A little more room: the estimate already errs tall for the widest common fallback font. */
const FONT_ALLOWANCE = 1.05;

interface PageFacts {
	/** The chart's "Data updated" day, YYYY-MM-DD, and the publisher credit. */
	updated: string;
	credit: string;
}

/**
 * The `height` attribute of an embed's code: what a host page without any script gives the iframe.
 * It is computed from what the page will hold (the chart body's own blocks from the registry, then
 * title, description, notes, sources, corrections and credit at charts.css's sizes) at 320 px, erring
 * tall, so the code grows with the data: a new provider's lane or a longer note never cuts the page
 * off. tests/e2e/embed-heights.e2e.ts measures every embed page against it.
 */
export function embedHeight(
	chart: ChartId,
	rows: DatasetRows,
	state: Record<string, unknown>,
	facts: PageFacts
): number {
	const copy = chartCopy(chart, rows);
	const body = CHARTS[chart].blocks(rows, state as never);
	const small = { px: 12.8, lineHeight: 19.2, space: 3.2 };
	const corrections = rows.corrections.filter((row) => row.chart === chart);
	const page: PageBlocks = {
		// The description's margin above the body, and the credit line's 1 px of padding.
		fixed: body.fixed + 12 + 1,
		texts: [
			{ px: 18.4, lineHeight: 23, space: 0, bold: true, texts: [copy.title] },
			{ px: 15.2, lineHeight: 22.8, space: 3.2, texts: [copy.description] },
			...body.texts,
			{ ...small, space: 9.6, texts: [copy.notes] },
			{ ...small, texts: [sourcesLine(rows[chart])] },
			{
				...small,
				texts: [
					`${facts.updated ? `Data updated ${dayInWords(facts.updated)}. ` : ''}Get the data (CSV)`
				]
			},
			{
				...small,
				space: 8,
				bold: true,
				texts: corrections.length ? ['Corrections'] : []
			},
			{
				...small,
				space: 0,
				indent: 17.6,
				texts: corrections.map((row) => `${dayInWords(row.date)}: ${row.what_changed} — ${row.why}`)
			},
			{
				...small,
				space: 8,
				texts: [`${facts.credit ? `${facts.credit} · ` : ''}Read the full explainer`]
			}
		]
	};
	const natural = pageBlocksHeight(page, EMBED_HEIGHT_WIDTH);
	return Math.ceil((natural * FONT_ALLOWANCE) / 10) * 10;
}
