import { describe, expect, it } from 'vitest';
import { fixtureRows, fixtureStorySource } from '../../../tests/fixtures/project';
import { parseStory } from './story';
import { fillTokens } from './tokens';

// A frozen project kept with the tests: an editor's change to data/ or the story never turns these red.
const rows = fixtureRows();
const source = fixtureStorySource();

/** A minimal story with one step, so each test can break one thing in it. */
function oneStep(step: string): string {
	return `headline: H\ndek: D\nbyline: B\n\n[steps]\n${step}\n[]\n`;
}

describe('the real story', () => {
	const { story, problems } = parseStory(source, rows);
	const steps = story?.steps ?? [];

	it('parses without problems into numbered steps, one per step in the file', () => {
		expect(problems).toEqual([]);
		expect(steps).toHaveLength(source.match(/^chart:/gm)?.length ?? 0);
		expect(steps.map((step) => step.n)).toEqual(steps.map((_, index) => index + 1));
	});

	it('gives every time-chart step a date kicker from its data', () => {
		for (const step of steps.filter((step) => step.chart !== 'downloads'))
			expect(step.kicker).toMatch(/\d{4}/);
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
		const listed = steps.find(
			(step) => Array.isArray(step.state.highlight) && step.state.highlight.length > 1
		);
		const items = (listed?.state.highlight ?? []) as string[];
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) expect(item).toMatch(/^[^,\s].*[^,\s]$|^[^,\s]$/);
	});
});

describe('problems in story copy', () => {
	const problems = (step: string) => parseStory(oneStep(step), rows).problems;

	it('names an unknown chart and lists the real ones', () => {
		expect(problems('chart: pie\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml:6: step 1: chart "pie" is not one of downloads, isp-actions, timeline'
		]);
	});

	it('names an unknown setting and lists the chart settings', () => {
		expect(problems('chart: timeline\ncolour: red\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml:7: step 1: "colour" is not a setting of the timeline chart; use zoom, highlight, actions, isps, until, now, categories, providers'
		]);
	});

	it('refuses a zoom that is not a window of dates, at its line', () => {
		expect(problems('chart: timeline\nzoom: 2012\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml:7: step 1: "zoom": "2012" is not a zoom; use all, or a window of dates such as 2010-07/2011-01 or 2010-09-18/2010-10-06'
		]);
	});

	it('refuses a zoom or a highlight that matches no row, at its line', () => {
		const empty = '1990-01-01/1990-01-31';
		expect(rows.timeline.some((row) => row.date.start <= '1990-01-31')).toBe(false);
		expect(problems(`chart: timeline\nzoom: ${empty}\ntext: x\nannounce: y`)).toEqual([
			`src/content/story.aml:7: step 1: zoom "${empty}" holds no row; widen the window or use all`
		]);
		expect(problems('chart: timeline\nhighlight: 1999-09-09\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml:7: step 1: highlight "1999-09-09" matches no row\'s date in data/timeline.csv'
		]);
	});

	it('refuses an `until` that is not an ISO day', () => {
		expect(problems('chart: timeline\nuntil: 4 Dec\ntext: x\nannounce: y')).toEqual([
			'src/content/story.aml:7: step 1: "until": must be a day, YYYY-MM-DD'
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
