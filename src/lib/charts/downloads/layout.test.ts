import { describe, expect, it } from 'vitest';
import { NARROWEST_PX, placeValue } from './layout';

const GLYPH = 13 * 0.64;

describe('placeValue', () => {
	it('puts a value inside a long bar and past the end of a short one', () => {
		expect(placeValue('more than 1.2 million', 'more than 1.2m', 91, true).inside).toBe(true);
		const short = placeValue('400,000', '400k', 12, false);
		expect(short).toMatchObject({ text: '400,000', inside: false });
	});

	it('falls back to the short form where the words fit neither side on a phone', () => {
		const placed = placeValue('more than 5,504,994', 'more than 5.5m', 50, true);
		expect(placed.text).toBe('more than 5.5m');
	});

	it('always leaves the value inside the plot at its narrowest, for any bar length', () => {
		for (let end = 0; end <= 100; end += 0.5) {
			const placed = placeValue('more than 5,504,994', 'more than 5.5m', end, true);
			const at = (end / 100) * NARROWEST_PX;
			const width = placed.text.length * GLYPH;
			const [left, right] = placed.inside
				? [at + placed.dx - width, at + placed.dx]
				: [at + placed.dx, at + placed.dx + width];
			expect(left, `bar at ${end}%`).toBeGreaterThanOrEqual(0);
			expect(right, `bar at ${end}%`).toBeLessThanOrEqual(NARROWEST_PX);
		}
	});
});
