import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../data/validate';
import EmbedCorrections from './EmbedCorrections.svelte';

const corrections = validateDataset(
	'corrections',
	'date,chart,what_changed,why\n' +
		'2014-12-06,downloads,Fury now more than 1.5 million,The tracker updated its figure\n' +
		'2014-12-07,timeline,Hearing date moved to 12 January,Court listing corrected\n',
	'data/corrections.csv'
).rows;

describe('EmbedCorrections', () => {
	it('lists only the corrections for the embedded chart', () => {
		const { body } = render(EmbedCorrections, { props: { chart: 'downloads', corrections } });
		expect(body).toContain('Fury now more than 1.5 million');
		expect(body).toContain('6 December 2014');
		expect(body).not.toContain('Hearing date');
	});

	it('renders nothing for a chart without corrections', () => {
		const { body } = render(EmbedCorrections, { props: { chart: 'isp-actions', corrections } });
		expect(body).not.toContain('Correction');
	});
});
