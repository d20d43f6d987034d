import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureRows } from '../../../tests/fixtures/project';
import { validateDataset } from '../data/validate';
import { CHART_IDS, chartCopy, defaultState } from './registry';
import { cardPng, PHONE_WIDTH, shareCard, snapshotCard } from './snapshot.server';

const pngSize = (png: Uint8Array) => {
	const view = new DataView(png.buffer, png.byteOffset);
	return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('snapshot cards', () => {
	const rows = fixtureRows();
	const text = (chart: (typeof CHART_IDS)[number]) => ({
		title: chartCopy(chart, rows).title,
		description: chartCopy(chart, rows).description,
		footer: 'Source: test.',
		asOf: '6 December 2014',
		credit: 'Graphic: the desk.'
	});
	for (const chart of CHART_IDS) {
		it(`${chart}: a 1200 px PNG with the chart's title, drawn with the bundled font`, () => {
			const card = snapshotCard(chart, rows, defaultState(chart), text(chart));
			expect(card.svg).not.toContain('var(--');
			const png = cardPng(card);
			expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
			expect(pngSize(png)).toEqual({ width: 1200, height: card.height });
			if (process.env.CARD_DIR) writeFileSync(`${process.env.CARD_DIR}/${chart}.png`, png);
		});

		it(`${chart}: a phone card 686 px wide and a dark one, with the key and the "as of" date`, () => {
			for (const theme of ['light', 'dark'] as const) {
				const card = snapshotCard(chart, rows, defaultState(chart), text(chart), {
					width: PHONE_WIDTH,
					theme
				});
				expect(card.svg).toContain('Data updated 6 December 2014.');
				expect(card.svg).not.toContain('var(--');
				expect(pngSize(cardPng(card)).width).toBe(686);
				if (process.env.CARD_DIR)
					writeFileSync(`${process.env.CARD_DIR}/${chart}-phone-${theme}.png`, cardPng(card));
			}
		});

		it(`${chart}: a 1200×630 share card holding its title, key, date and source`, () => {
			const card = shareCard(chart, rows, defaultState(chart), text(chart));
			const png = cardPng(card);
			expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
			expect(card.svg).toContain('Data updated 6 December 2014.');
			for (const y of card.svg.matchAll(/ y="(\d+(?:\.\d+)?)"/g))
				expect(Number(y[1]), 'every line inside the frame').toBeLessThanOrEqual(630);
			if (process.env.CARD_DIR) writeFileSync(`${process.env.CARD_DIR}/${chart}-share.png`, png);
		});
	}

	it('keeps the key of a chart whose key is HTML beside the plot', () => {
		const fixture = validateDataset(
			'timeline',
			'date,precision,event,category,note,source\n' +
				'2010-09-21,day,Operation Payback begins,attack,,https://example.org/payback\n',
			'tests/fixtures/timeline.csv'
		);
		const card = shareCard(
			'timeline',
			{ ...rows, timeline: fixture.rows } as never,
			defaultState('timeline'),
			text('timeline')
		);
		expect(card.svg).toContain('class="card-legend"');
	});
});
