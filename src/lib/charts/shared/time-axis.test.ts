import { describe, expect, it } from 'vitest';
import { gapsOn, isDrawn, segmentedScale, segmentTicks, storySegments } from './time-axis';

const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe('segmentedScale over the whole story', () => {
	const segments = storySegments('all');
	const scale = segmentedScale(segments);
	const [autumn2010, winter2014] = segments;

	it('puts 2010 dates in the first stretch and 2014 dates in the second, in order', () => {
		const leak = scale(at('2010-09-24'));
		const adjournment = scale(at('2010-10-04'));
		const hack = scale(at('2014-11-24'));
		const weatherley = scale(at('2014-12-04'));
		expect(scale(at('2010-07-01'))).toBe(0);
		expect(leak).toBeGreaterThan(0);
		expect(leak).toBeLessThan(adjournment);
		expect(adjournment).toBeLessThan(autumn2010!.size);
		expect(hack).toBeGreaterThan(autumn2010!.size);
		expect(hack).toBeLessThan(weatherley);
		expect(weatherley).toBeLessThanOrEqual(autumn2010!.size + 6 + winter2014!.size);
	});

	it('leaves a visible gap between the stretches where 2011–13 would be', () => {
		const [gap] = gapsOn(segments, scale);
		expect(gap!.end - gap!.start).toBeCloseTo(6);
		expect(scale(at('2012-06-01'))).toBeGreaterThan(gap!.start);
		expect(scale(at('2012-06-01'))).toBeLessThan(gap!.end);
	});

	it('maps onto a pixel extent', () => {
		const pixels = segmentedScale(segments, [0, 500]);
		expect(pixels(at('2014-11-20'))).toBeCloseTo((scale(at('2014-11-20')) / 100) * 500);
	});
});

describe('zoomed views', () => {
	it("zoom '2010' draws one stretch filling the width", () => {
		const segments = storySegments('2010');
		expect(segments).toEqual([{ start: '2010-07-01', end: '2011-01-31', size: 100 }]);
		const scale = segmentedScale(segments);
		expect(scale(at('2010-07-01'))).toBe(0);
		expect(scale(at('2011-02-01'))).toBe(100);
	});

	it("zoom '2014' draws only the winter of 2014", () => {
		expect(storySegments('2014')).toHaveLength(1);
		expect(storySegments('2014')[0]!.start).toBe('2014-11-20');
	});
});

describe('isDrawn', () => {
	it('hides days outside the drawn stretches instead of squashing them at the edge', () => {
		expect(isDrawn(storySegments('all'), '2010-09-24')).toBe(true);
		expect(isDrawn(storySegments('all'), '2014-12-04')).toBe(true);
		expect(isDrawn(storySegments('all'), '2012-06-01')).toBe(false);
		expect(isDrawn(storySegments('2010'), '2014-12-04')).toBe(false);
		expect(isDrawn(storySegments('2014'), '2010-09-24')).toBe(false);
		expect(isDrawn(storySegments('2010'), '2011-01-31')).toBe(true);
	});
});

describe('segmentTicks', () => {
	it('labels the year under the first tick of each stretch', () => {
		const ticks = segmentTicks(storySegments('all'));
		expect(ticks.filter((tick) => tick.year).map((tick) => tick.year)).toEqual([
			'2010',
			'2011',
			'2014'
		]);
		expect(ticks.every((tick) => isDrawn(storySegments('all'), tick.day))).toBe(true);
	});
});
