import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllData } from '../data/load.server';
import { parseStory, STORY_FILE } from './story';
import { fillTokens } from './tokens';

const { rows } = loadAllData(process.cwd());
const source = readFileSync(STORY_FILE, 'utf8');

/** A minimal story with one step, so each test can break one thing in it. */
function oneStep(step: string): string {
	return `headline: H\ndek: D\nbyline: B\n\n[steps]\n${step}\n[]\n`;
}

describe('the real story', () => {
	const { story, problems } = parseStory(source, rows);
	const steps = story?.steps ?? [];

	it('parses without problems into 14 numbered steps', () => {
		expect(problems).toEqual([]);
		expect(steps).toHaveLength(14);
		expect(steps.map((step) => step.n)).toEqual(steps.map((_, index) => index + 1));
	});

	it('gives every step a chart, text, and its own screen-reader announcement', () => {
		for (const step of steps) {
			expect(['downloads', 'isp-actions', 'timeline']).toContain(step.chart);
			expect(step.paragraphs.length).toBeGreaterThan(0);
			expect(step.announce.trim()).not.toBe('');
		}
		expect(new Set(steps.map((step) => step.announce)).size).toBe(steps.length);
	});

	it('fills every figure and date token from the data', () => {
		const text = [
			story!.headline,
			story!.dek,
			...story!.intro,
			...story!.method,
			...steps.flatMap((step) => [...step.paragraphs, step.announce])
		];
		expect(text.filter((paragraph) => paragraph.includes('{'))).toEqual([]);
		// The rule, not today's words: the step about the latest figures says the latest figure.
		const fury = steps.find((step) => step.chart === 'downloads' && step.state.view === 'headline');
		const latest = fillTokens('{downloads:Fury}', rows).text;
		expect(fury?.paragraphs.join(' ')).toContain(latest);
		expect(fury?.announce).toContain(latest);
	});

	it('passes chart state through, with list settings split on commas', () => {
		expect(steps[3]?.state).toEqual({
			zoom: '2010',
			highlight: ['2010-09-21', '2010-09-24/2010-09-25'],
			until: '2010-09-25',
			categories: []
		});
		expect(steps[11]?.state).toEqual({ view: 'climb', highlight: ['Fury'], notes: true });
	});
});

describe('problems in story copy', () => {
	const problems = (step: string) => parseStory(oneStep(step), rows).problems;

	it('names an unknown chart and lists the real ones', () => {
		expect(problems('chart: pie\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml: step 1: chart "pie" is not one of downloads, isp-actions, timeline'
		]);
	});

	it('names an unknown setting and lists the chart settings', () => {
		expect(problems('chart: timeline\ncolour: red\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml: step 1: "colour" is not a setting of the timeline chart; use zoom, highlight, until, categories'
		]);
	});

	it('refuses a zoom the charts cannot draw', () => {
		expect(problems('chart: timeline\nzoom: 2012\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml: step 1: "zoom": "2012" is not a zoom; use all, 2010 or 2014'
		]);
	});

	it('refuses an `until` that is not an ISO day', () => {
		expect(problems('chart: timeline\nuntil: 4 Dec\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml: step 1: "until": until must be YYYY-MM-DD'
		]);
	});

	it('reports a token that matches no row, leaving no story to publish', () => {
		const result = parseStory(
			oneStep('chart: downloads\ntext: {downloads:Nope}\nannounce: y'),
			rows
		);
		expect(result.story).toBeUndefined();
		expect(result.problems).toEqual([
			'src/content/story.aml: step 1: {downloads:Nope}: no row in data/downloads.csv matches "Nope"'
		]);
	});

	it('asks for an announcement when a step has none', () => {
		expect(problems('chart: downloads\ntext: x')).toEqual([
			'src/content/story.aml: step 1: "announce:" is missing (one sentence for screen readers)'
		]);
	});

	it('lists everything an empty file is missing', () => {
		expect(parseStory('', rows).problems).toEqual([
			'src/content/story.aml: "headline:" is missing or empty',
			'src/content/story.aml: "dek:" is missing or empty',
			'src/content/story.aml: "byline:" is missing or empty',
			'src/content/story.aml: no steps; add a [steps] list'
		]);
	});
});
