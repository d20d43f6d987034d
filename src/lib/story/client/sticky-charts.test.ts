import { describe, expect, it } from 'vitest';
import { nextChangesPerFrame } from './sticky-charts';

describe('how many changes the chart on screen makes per frame', () => {
	it('grows while frames keep to time, up to a cap', () => {
		let changes = 6;
		const seen = [changes];
		for (let frame = 0; frame < 12; frame++)
			seen.push((changes = nextChangesPerFrame(changes, 16.7)));
		expect(seen.slice(0, 4)).toEqual([6, 9, 12, 15]);
		expect(Math.max(...seen)).toBe(seen.at(-1));
		expect(nextChangesPerFrame(seen.at(-1)!, 16.7)).toBe(seen.at(-1));
	});

	it('halves after a long frame, never below a floor', () => {
		expect(nextChangesPerFrame(12, 40)).toBe(6);
		let changes = 24;
		for (let frame = 0; frame < 10; frame++) changes = nextChangesPerFrame(changes, 80);
		expect(changes).toBeGreaterThan(0);
		expect(nextChangesPerFrame(changes, 80)).toBe(changes);
	});

	it('on a phone whose frames run long, a step of a hundred changes takes more frames, each smaller', () => {
		const framesFor = (frameMs: (changes: number) => number) => {
			let changes = 6;
			let left = 100;
			const sizes: number[] = [];
			while (left > 0) {
				sizes.push(Math.min(changes, left));
				left -= changes;
				changes = nextChangesPerFrame(changes, frameMs(changes));
			}
			return sizes;
		};
		const fast = framesFor(() => 16.7);
		// A frame that costs 6 ms a change, as a change did at 4x CPU slowdown.
		const slow = framesFor((changes) => 10 + 6 * changes);
		expect(fast.length).toBeLessThanOrEqual(8);
		expect(slow.length).toBeGreaterThan(fast.length);
		expect(Math.max(...slow)).toBeLessThan(Math.max(...fast));
	});
});
