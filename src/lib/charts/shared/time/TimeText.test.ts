import * as v from 'valibot';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { fixtureRows } from '../../../../../tests/fixtures/project';
import { timelineLayout } from '../../timeline/model';
import { TimelineState } from '../../timeline/state';
import { labelSpanAt, naturalHeight, type MarkLabel, type TimeLayout } from '../time-marks';
import TimeText from './TimeText.html.svelte';

const whole = timelineLayout(fixtureRows(), v.parse(TimelineState, { zoom: 'all' })).layout;

/** The break's upright label as drawn: whether it moved, and the room it was given, percent. */
function breakLabel(layout: TimeLayout) {
	const html = render(TimeText, { props: { layout } }).body;
	const tag = /<div class="break-label[^"]*"[^>]*>/.exec(html)?.[0] ?? '';
	const number = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(tag)?.[1] ?? NaN);
	return {
		moved: tag.includes('data-moved'),
		from: number('--from'),
		to: number('--to'),
		bareFrom: number('--bare-from'),
		bareTo: number('--bare-to')
	};
}

describe("a break's upright label", () => {
	const gap = whole.breaks[0]!;
	const label: MarkLabel = {
		key: 'timeline:2',
		x: Math.min(99, gap.mid + 10),
		y: 20,
		align: 'end',
		side: 'below',
		date: '27 November 2014',
		text: 'A leak',
		shape: 'diamond',
		tone: 'cat-leak',
		hollow: false
	};

	it('has a break to label in the fixture project, and keeps its room with no direct label', () => {
		expect(gap).toBeDefined();
		const drawn = breakLabel({ ...whole, labels: [] });
		expect(drawn.moved).toBe(false);
		expect(drawn.to).toBeGreaterThan(drawn.from);
	});

	it('moves clear of a direct label that reaches across it, and keeps its room for phones that list the subjects', () => {
		const alone = breakLabel({ ...whole, labels: [] });
		const also = { ...label, key: 'timeline:3', readsFirst: false };
		const shared = { ...label, also };
		const [, bottom] = labelSpanAt(shared, gap.mid, naturalHeight(whole.units))!;
		const drawn = breakLabel({ ...whole, labels: [shared] });
		expect(drawn.moved).toBe(true);
		expect(drawn.from).toBeGreaterThanOrEqual(Math.floor(bottom * 100) / 100);
		expect([drawn.bareFrom, drawn.bareTo]).toEqual([alone.from, alone.to]);
	});

	it('stays put where a direct label does not reach it', () => {
		const far = { ...label, x: 5, align: 'start' as const };
		expect(labelSpanAt(far, gap.mid, naturalHeight(whole.units))).toBeUndefined();
		expect(breakLabel({ ...whole, labels: [far] }).moved).toBe(false);
	});
});
