import { describe, expect, it } from 'vitest';
import { fixtureRows, fixtureStory } from '../../../tests/fixtures/project';
import { CHART_IDS, defaultState } from '../charts/registry';
import type { IspActionRow } from '../schema/isp-actions';
import { embedHeight } from './heights';

const facts = { updated: '2014-12-06', credit: 'By the graphics desk' };

describe('embedHeight', () => {
	const rows = fixtureRows();

	it('gives every chart and story step a whole, finite height in tens of pixels', () => {
		const states = [
			...CHART_IDS.map((chart) => ({ chart, state: defaultState(chart) })),
			...fixtureStory(rows).story!.steps.map((step) => ({ chart: step.chart, state: step.state }))
		];
		for (const { chart, state } of states) {
			const height = embedHeight(chart, rows, state, facts);
			expect(Number.isFinite(height) && height % 10 === 0 && height > 300, chart).toBe(true);
		}
	});

	it('grows with the data: a new provider adds a lane, a long correction adds lines', () => {
		const before = embedHeight('isp-actions', rows, defaultState('isp-actions'), facts);
		const first = rows['isp-actions'][0]!;
		const newProvider: IspActionRow = { ...first, row: 999, isp: 'A provider never seen before' };
		const more = { ...rows, 'isp-actions': [...rows['isp-actions'], newProvider] };
		expect(embedHeight('isp-actions', more, defaultState('isp-actions'), facts)).toBeGreaterThan(
			before
		);
		const correction = {
			...rows.corrections[0]!,
			row: 999,
			chart: 'isp-actions' as const,
			why: 'A long explanation of what changed and why, '.repeat(6)
		};
		const corrected = { ...rows, corrections: [...rows.corrections, correction] };
		expect(
			embedHeight('isp-actions', corrected, defaultState('isp-actions'), facts)
		).toBeGreaterThan(before);
	});
});
