import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixtureRows } from '../../../../tests/fixtures/project';
import { timelineLayout } from '../timeline/model';
import { TimelineState } from '../timeline/state';
import { labelSpanAt, layoutTime, subjectsOf, type Lane, type TimeItem } from './time-marks';

const rows = fixtureRows();
const state = (input: Record<string, unknown>) => v.parse(TimelineState, input);
const layoutOf = (input: Record<string, unknown>) => timelineLayout(rows, state(input)).layout;

describe('layoutTime on the fixture project', () => {
	it('places every row inside the plot, in its own lane', () => {
		const layout = layoutOf({ zoom: 'all' });
		expect(layout.marks).toHaveLength(rows.timeline.length + rows['isp-actions'].length);
		for (const mark of layout.marks) {
			expect(mark.x, mark.item.key).toBeGreaterThanOrEqual(0);
			expect(mark.x, mark.item.key).toBeLessThanOrEqual(100);
			const lane = layout.lanes.find((candidate) => candidate.id === mark.item.lane)!;
			expect(mark.y).toBeGreaterThan(lane.top);
			expect(mark.y).toBeLessThan(lane.top + lane.height);
		}
	});

	it('hides the rows a camera window leaves out and folds the lanes it empties', () => {
		const layout = layoutOf({ zoom: '2014-11-20/2014-12-06' });
		const shown = layout.marks.filter((mark) => mark.status !== 'is-hidden');
		expect(shown.length).toBeGreaterThan(0);
		for (const mark of shown) expect(mark.item.date.end >= '2014-11-20').toBe(true);
		const used = new Set(shown.map((mark) => mark.item.lane));
		for (const lane of layout.lanes) expect(lane.height === 0).toBe(!used.has(lane.id));
	});

	it('labels the highlighted rows, and puts two that would meet into one box', () => {
		// The DDoS attacks (about 21 September) and the leak (24 or 25 September) are a few days apart.
		const layout = layoutOf({
			zoom: '2010-09-14/2010-10-08',
			highlight: ['2010-09-21', '2010-09-24/2010-09-25']
		});
		const subjects = subjectsOf(layout.labels);
		expect(subjects.map((subject) => subject.date)).toEqual([
			'about 21 September 2010',
			'24 or 25 September 2010'
		]);
		expect(layout.labels).toHaveLength(1);
		expect(layout.labels[0]!.also?.text).toMatch(/^Anonymous's Operation Payback/);
		// Each subject keeps its mark's look, so the box can say which mark is which.
		expect(subjects.map((subject) => subject.shape)).toEqual(['triangle', 'diamond']);
	});

	it('keeps two labels far apart as two labels, each at its own mark', () => {
		const layout = layoutOf({ zoom: 'all', highlight: ['2010-07', '2014-11-24'] });
		expect(layout.labels).toHaveLength(2);
		for (const label of layout.labels) {
			const mark = layout.marks.find((candidate) => candidate.item.key === label.key)!;
			expect([label.x, label.y]).toEqual([mark.x, mark.y]);
		}
	});
});

describe("a direct label's side", () => {
	const lanes: Lane[] = ['a', 'b', 'c', 'd'].map((id) => ({
		id,
		name: id.toUpperCase(),
		tone: ''
	}));
	const item = (key: string, lane: string, day: string, highlighted = false): TimeItem => ({
		key,
		row: 1,
		date: { text: day, start: day, end: day },
		precision: 'day',
		lane,
		style: { name: lane, shape: 'circle', tone: '' },
		label: `Row ${key}`,
		title: `Row ${key}`,
		highlighted
	});

	it('reads away from the marks it would cover, where the plot has room', () => {
		// B's subject sits in the upper half, with three of C's marks on its day just under it and
		// nothing above it but A's mark, a month away: the label goes above, not over C's marks.
		const items = [
			item('a1', 'a', '2012-01-01'),
			item('b1', 'b', '2012-01-31', true),
			item('c1', 'c', '2012-01-31'),
			item('c2', 'c', '2012-01-31'),
			item('c3', 'c', '2012-01-31'),
			item('d1', 'd', '2012-03-01')
		];
		const layout = layoutTime(items, lanes, { zoom: 'all' });
		const [label] = layout.labels;
		expect(label!.y, 'the subject is in the upper half').toBeLessThan(55);
		expect(label!.side).toBe('above');
	});

	it('keeps the plain side when the other would cover as much, or leave the plot', () => {
		const items = [
			item('a1', 'a', '2012-01-31', true),
			item('b1', 'b', '2012-01-01'),
			item('d1', 'd', '2012-03-01')
		];
		const layout = layoutTime(items, lanes, { zoom: 'all' });
		expect(layout.labels[0]!.side).toBe('below');
	});

	it('never turns two labels towards each other where they would meet', () => {
		// B's and E's subjects share a day, more than a label's height apart but less than two. Alone,
		// B's label would read down (A's mark is above it) and E's up (F's mark is under it): facing each
		// other, the two boxes would meet between the marks. Both read upwards instead.
		const sixLanes: Lane[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
			id,
			name: id,
			tone: ''
		}));
		const items = [
			item('a1', 'a', '2012-01-31'),
			item('b1', 'b', '2012-01-31', true),
			item('e1', 'e', '2012-01-31', true),
			item('f1', 'f', '2012-01-31'),
			item('x1', 'c', '2012-01-01'),
			item('x2', 'd', '2012-03-01')
		];
		const layout = layoutTime(items, sixLanes, { zoom: 'all' });
		const sides = Object.fromEntries(layout.labels.map((label) => [label.key, label.side]));
		expect(sides).toEqual({ b1: 'above', e1: 'above' });
	});

	it("says two subjects in one box where two labels would cover the step's other subjects", () => {
		// Four subjects on one day, two rows in each of two lanes: a label below B's first row covers its
		// second, one above C's first row covers B's. One box above the column covers none.
		const items = [
			item('a1', 'a', '2012-01-01'),
			item('b1', 'b', '2012-01-31', true),
			item('b2', 'b', '2012-01-31', true),
			item('c1', 'c', '2012-01-31', true),
			item('c2', 'c', '2012-01-31', true),
			item('d1', 'd', '2012-03-01')
		];
		const layout = layoutTime(items, lanes, { zoom: 'all' });
		expect(layout.labels).toHaveLength(1);
		const [label] = layout.labels;
		expect(label!.also, 'both subjects are said').toBeDefined();
		const top = Math.min(...layout.marks.map((mark) => mark.y));
		const column = layout.marks.filter((mark) => mark.item.highlighted);
		expect(label!.y, 'the box is at the top of the column').toBe(
			Math.min(...column.map((mark) => mark.y))
		);
		expect(label!.side).toBe('above');
		expect(top).toBeLessThan(label!.y);
	});
});

describe("a direct label's span, for the words that keep clear of it", () => {
	const label = {
		key: 'timeline:2',
		x: 50,
		y: 20,
		align: 'middle' as const,
		side: 'below' as const,
		date: '1 May 2012',
		text: 'A hearing',
		shape: 'square' as const,
		tone: 'cat-court',
		hollow: false
	};

	it('covers the heights its box takes, only across the x its box reaches', () => {
		const span = labelSpanAt(label, 60, 320)!;
		expect(span[0]).toBe(20);
		expect(span[1]).toBeGreaterThan(20);
		expect(span[1]).toBeLessThanOrEqual(100);
		expect(labelSpanAt(label, 1, 320)).toBeUndefined();
		expect(labelSpanAt({ ...label, side: 'above' }, 60, 320)![1]).toBe(20);
	});

	it('is twice as tall for a box that says two subjects', () => {
		const [top, bottom] = labelSpanAt(label, 60, 640)!;
		const also = { ...label, key: 'timeline:3', readsFirst: false };
		const [sharedTop, sharedBottom] = labelSpanAt({ ...label, also }, 60, 640)!;
		expect(sharedTop).toBe(top);
		expect(sharedBottom - sharedTop).toBeCloseTo(2 * (bottom - top));
	});
});
