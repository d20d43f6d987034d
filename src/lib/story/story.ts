import archieml from 'archieml';
import * as v from 'valibot';
import {
	CHART_IDS,
	CHART_LOGIC,
	isChartId,
	STATE_SCHEMAS,
	type ChartId,
	type StateSchema
} from '../charts/chart-ids';
import type { DatasetRows } from '../schema/datasets';
import { checkCopy } from './copy-rules';
import { stepLines } from './step-lines';
import { fillTokens } from './tokens';

export interface StoryStep {
	/** 1-based; the step's element id is `step-<n>`. */
	n: number;
	chart: ChartId;
	/** The chart state, validated against that chart's state schema. */
	state: Record<string, unknown>;
	paragraphs: string[];
	/** One sentence a screen reader hears when the step becomes active. */
	announce: string;
	/** The date the step is at, in words, for the card's kicker. */
	kicker?: string;
}

export interface Story {
	headline: string;
	dek: string;
	byline: string;
	intro: string[];
	steps: StoryStep[];
	method: string[];
}

export const STORY_FILE = 'src/content/story.aml';

/** Keys of a step that are not chart state. */
const STEP_KEYS = new Set(['chart', 'text', 'announce']);
/** Whether a state setting holds a list (written comma-separated in the story file), read from its schema. */
function isListSetting(schema: StateSchema, key: string): boolean {
	let entry = schema.entries[key] as { type: string; wrapped?: unknown } | undefined;
	while (entry && 'wrapped' in entry) entry = entry.wrapped as typeof entry;
	return entry?.type === 'array';
}

function stateValue(schema: StateSchema, key: string, value: string): unknown {
	if (isListSetting(schema, key))
		return value
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean);
	if (value === 'true' || value === 'false') return value === 'true';
	return value;
}

function paragraphs(value: unknown): string[] {
	const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n\n') : '';
	return text
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/** Story copy → typed story; every problem is reported as `<file>: <where>: <what>`, never thrown. */
export function parseStory(
	source: string,
	rows: DatasetRows
): { story?: Story; problems: string[] } {
	const problems: string[] = [];
	const fill = (text: string, where: string) => {
		const result = fillTokens(text, rows);
		problems.push(...result.problems.map((problem) => `${STORY_FILE}: ${where}: ${problem}`));
		return result.text;
	};
	const doc = archieml.load(source);
	const field = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string).trim() : '');
	for (const key of ['headline', 'dek', 'byline']) {
		if (!field(key)) problems.push(`${STORY_FILE}: "${key}:" is missing or empty`);
	}
	const located = stepLines(source);
	const rawSteps = Array.isArray(doc.steps) ? (doc.steps as Record<string, unknown>[]) : [];
	if (rawSteps.length === 0) problems.push(`${STORY_FILE}: no steps; add a [steps] list`);

	const steps: StoryStep[] = [];
	rawSteps.forEach((raw, index) => {
		const where = `step ${index + 1}`;
		/** `src/content/story.aml:<line>: step <n>: …`, at the line of the setting that is wrong. */
		const at = (key?: string) => `${STORY_FILE}:${located.line(index + 1, key)}: ${where}`;
		const chart = String(raw.chart ?? '').trim();
		if (!isChartId(chart)) {
			problems.push(`${at('chart')}: chart "${chart}" is not one of ${CHART_IDS.join(', ')}`);
			return;
		}
		const schema = STATE_SCHEMAS[chart];
		const input: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(raw)) {
			if (!STEP_KEYS.has(key) && typeof value === 'string')
				input[key] = stateValue(schema, key, value.trim());
		}
		const unknown = Object.keys(input).filter((key) => !(key in schema.entries));
		if (unknown.length) {
			const allowed = Object.keys(schema.entries).join(', ');
			problems.push(
				`${at(unknown[0])}: "${unknown[0]}" is not a setting of the ${chart} chart; use ${allowed}`
			);
			return;
		}
		const parsed = v.safeParse(schema, input);
		if (!parsed.success) {
			const issue = parsed.issues[0];
			const key = issue?.path?.[0]?.key;
			problems.push(
				`${at(key ? String(key) : undefined)}: ${key ? `"${String(key)}": ` : ''}${issue?.message ?? 'invalid chart state'}`
			);
			return;
		}
		const logic = CHART_LOGIC[chart];
		const stateProblems = logic.problems(rows, parsed.output as never);
		for (const problem of stateProblems) {
			const key = /^(\w+)/.exec(problem)?.[1];
			problems.push(`${at(key)}: ${problem}`);
		}
		if (stateProblems.length) return;
		const announce = fill(String(raw.announce ?? '').trim(), where);
		if (!announce)
			problems.push(
				`${STORY_FILE}: ${where}: "announce:" is missing (one sentence for screen readers)`
			);
		steps.push({
			n: steps.length + 1,
			chart,
			state: parsed.output,
			paragraphs: paragraphs(raw.text).map((text) => fill(text, where)),
			announce,
			kicker: logic.kicker(rows, parsed.output as never)
		});
	});
	const story: Story = {
		headline: fill(field('headline'), 'headline'),
		dek: fill(field('dek'), 'dek'),
		byline: field('byline'),
		intro: paragraphs(doc.intro).map((text) => fill(text, 'intro')),
		steps,
		method: paragraphs(doc.method).map((text) => fill(text, 'method'))
	};
	problems.push(...checkCopy(source, rows));
	return problems.length ? { problems } : { story, problems };
}
