import fc from 'fast-check';
import Papa from 'papaparse';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { CHART_IDS, defaultState, type ChartId } from '../charts/registry';
import { ACTIONS } from '../schema/isp-actions';
import { CATEGORIES } from '../schema/timeline';
import type { DatasetRows } from '../schema/datasets';
import ChartById from '../charts/ChartById.svelte';
import { validateDataset } from './validate';

/**
 * The whole path a pasted file takes, CSV text → validation → the chart as the server renders it,
 * fuzzed: it must never throw, and never put NaN or Infinity into the geometry of the SVG.
 */

/** Any text at all, including markup, bidi controls, emoji and control characters. */
const anyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		'<svg onload=alert(1)>',
		'\u202eevil',
		'\u2069\u2067x',
		'🏴‍☠️👨‍👩‍👧',
		'x'.repeat(2000),
		'NaN',
		'Infinity',
		'-0'
	)
);
/** Mostly valid values, so whole rows often pass and the chart draws them; sometimes anything. */
const mostly = (valid: fc.Arbitrary<string>) =>
	fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: anyText });
const count = mostly(
	fc.oneof(
		fc.nat().map(String),
		fc.constantFrom('0', '1', '9007199254740993', '1e308', '1,200,000', '-5', '1.5', '')
	)
);
const day = mostly(
	fc.oneof(
		fc
			.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10)),
		fc.constantFrom('2014', '2010-08', '2010-09-01/2010-10-01', '2014-02-30', '0000-00-00')
	)
);
const oneOf = (values: readonly string[]) => mostly(fc.constantFrom(...values));
const source = mostly(
	fc.constantFrom('https://example.com/a', 'Headline, 1 December 2014', 'javascript:alert(1)')
);

const ROWS: Record<ChartId, fc.Arbitrary<Record<string, string>>> = {
	downloads: fc.record({
		label: anyText,
		downloads: count,
		qualifier: oneOf(['exact', 'at-least', 'approximate']),
		measure: oneOf(['downloads', 'unique-downloaders', 'bittorrent-downloads']),
		counted_by: anyText,
		as_of: day,
		note: anyText,
		source
	}),
	'isp-actions': fc.record({
		date: day,
		precision: oneOf(['day', 'month', 'year', 'approximate']),
		isp: anyText,
		action: oneOf(ACTIONS),
		detail: anyText,
		count,
		count_qualifier: oneOf(['', 'exact', 'at-least', 'approximate']),
		note: anyText,
		source
	}),
	timeline: fc.record({
		date: day,
		precision: oneOf(['day', 'month', 'year', 'approximate']),
		event: anyText,
		category: oneOf(CATEGORIES),
		note: anyText,
		source
	})
};

/** Attributes that carry numbers: a NaN here is a mark drawn nowhere, or a broken layout. */
const GEOMETRY =
	/\s(x|y|x1|x2|y1|y2|dx|dy|cx|cy|r|rx|width|height|d|transform|points|viewBox|style)="([^"]*)"/g;

function renderChart(chart: ChartId, rows: DatasetRows[ChartId]): string {
	const all = {
		downloads: [],
		'isp-actions': [],
		timeline: [],
		corrections: [],
		quotes: []
	} as DatasetRows;
	const props = { chart, rows: { ...all, [chart]: rows }, state: defaultState(chart) };
	return render(ChartById, { props }).body;
}

describe('CSV text → validation → chart', () => {
	for (const chart of CHART_IDS) {
		it(`${chart}: never throws and never draws NaN or Infinity`, { timeout: 60_000 }, () => {
			const file = fc.oneof(
				{ weight: 4, arbitrary: fc.array(ROWS[chart], { minLength: 1, maxLength: 8 }) },
				{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) }
			);
			let drawn = 0;
			fc.assert(
				fc.property(file, (input) => {
					const text = typeof input === 'string' ? input : Papa.unparse(input);
					const result = validateDataset(chart, text, `data/${chart}.csv`);
					const html = renderChart(chart, result.rows as DatasetRows[ChartId]);
					if (result.rows.length) drawn += 1;
					for (const [, name, value] of html.matchAll(GEOMETRY)) {
						expect(value, `${name}="${value}"`).not.toMatch(/NaN|Infinity/);
					}
				}),
				{ numRuns: 100 }
			);
			// Random rows must often be valid, or this would only ever fuzz the empty chart.
			expect(drawn).toBeGreaterThan(10);
		});
	}
});
