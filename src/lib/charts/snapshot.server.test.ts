import { describe, expect, it } from 'vitest';
import { fixtureRows } from '../../../tests/fixtures/project';
import { CHART_IDS, CHARTS, defaultState } from './registry';
import { cardPng, snapshotCard, wrapText } from './snapshot.server';

describe('wrapText', () => {
	it('breaks between words, never inside one', () => {
		expect(wrapText('one two three four', 10, 60, 0.6)).toEqual(['one two', 'three four']);
	});
});

describe('snapshot cards', () => {
	const rows = fixtureRows();
	for (const chart of CHART_IDS) {
		it(`${chart}: a 1200 px PNG with the chart's title, drawn with the bundled font`, () => {
			const card = snapshotCard(chart, rows, defaultState(chart), {
				title: CHARTS[chart].title,
				description: CHARTS[chart].description,
				footer: 'Source: test.'
			});
			expect(card.svg).not.toContain('var(--');
			const png = cardPng(card);
			expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
			const view = new DataView(png.buffer, png.byteOffset);
			expect(view.getUint32(16)).toBe(1200);
			expect(view.getUint32(20)).toBe(card.height);
		});
	}
});
