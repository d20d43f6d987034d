import { CHART_IDS, type ChartId } from '../charts/chart-ids';
import { pairRows, rowSummary } from '../data/diff';
import { DATASET_IDS, type DatasetId, type DatasetRows } from '../schema/datasets';
import { parseStory, type Story, type StoryStep } from '../story/story';
import { chartOutput, type ChartOutput, type Figure } from './reader-views';

/**
 * What readers will see change when `before` rows become `after` rows: every piece of text the page,
 * its story steps and its embeds give a reader, before → after, wherever it differs. Built only from
 * the page's own functions (the story parser, its token filling, the registry's charts through
 * reader-views.ts), so it can't drift from what the page prints. Pure: no DOM, no files.
 */

export interface TextChange {
	/** What the text is, e.g. "paragraph 1", "announcement", "text alternative". */
	what: string;
	before: string;
	after: string;
}

export interface ViewChange {
	/** Where a reader meets it, e.g. "Step 13 (downloads chart; also /embed/downloads/13/)". */
	where: string;
	changes: TextChange[];
	/** Labels or bars the view drew and no longer draws. */
	gone: string[];
	/** Labels or bars the view draws now and did not before. */
	added: string[];
}

export interface Undrawn {
	chart: ChartId;
	row: number;
	summary: string;
	/** Whether some view drew it before this change. */
	wasDrawn: boolean;
}

export interface ReaderDiff {
	views: ViewChange[];
	/** Rows of the new data that no view (story step or full chart) draws. */
	undrawn: Undrawn[];
	/** The story no longer reads with the new data (a token matches no row): the build would stop. */
	problems: string[];
}

/** `<dataset>:<row>` of a row, as in the marks' `data-row`. */
const rowKey = (dataset: DatasetId, row: number) => `${dataset}:${row}`;

/** Old `<dataset>:<row>` → new one, for every row the two versions share. */
function rowMap(before: DatasetRows, after: DatasetRows): Map<string, string> {
	const map = new Map<string, string>();
	for (const id of DATASET_IDS) {
		const { pairs } = pairRows(id, before[id] ?? [], after[id] ?? []);
		for (const [old, now] of pairs) map.set(rowKey(id, old.row), rowKey(id, now.row));
	}
	return map;
}

function compareText(changes: TextChange[], what: string, before = '', after = '') {
	if (before !== after) changes.push({ what, before, after });
}

function compareList(changes: TextChange[], what: string, before: string[], after: string[]) {
	for (let index = 0; index < Math.max(before.length, after.length); index++)
		compareText(changes, `${what} ${index + 1}`, before[index], after[index]);
}

function compareCharts(
	view: Omit<ViewChange, 'changes' | 'gone' | 'added'>,
	changes: TextChange[],
	before: ChartOutput,
	after: ChartOutput,
	rows: Map<string, string>,
	full: boolean
): ViewChange | undefined {
	if (full) {
		compareText(changes, 'title', before.title, after.title);
		compareText(changes, 'description', before.description, after.description);
		compareText(changes, 'notes', before.notes, after.notes);
		compareText(changes, 'sources', before.sources, after.sources);
	}
	compareText(changes, 'text alternative', before.describe, after.describe);
	const key = (figure: Figure) => rowKey(figure.dataset, figure.row);
	const now = new Map(after.figures.map((figure) => [key(figure), figure]));
	const gone: string[] = [];
	const matched = new Set<string>();
	for (const figure of before.figures) {
		const row = rows.get(key(figure));
		const current = row === undefined ? undefined : now.get(row);
		if (!current) gone.push(figureText(figure, 'was'));
		else {
			matched.add(row!);
			compareText(changes, where(current), figure.text, current.text);
		}
	}
	const added = after.figures
		.filter((figure) => !matched.has(key(figure)))
		.map((figure) => figureText(figure, ''));
	if (changes.length + gone.length + added.length === 0) return undefined;
	return { ...view, changes, gone, added };
}

/** "row 3", or "isp-actions row 3" when a chart draws another dataset's row. */
const where = (figure: Figure) => `${figure.dataset} row ${figure.row}`;
const figureText = (figure: Figure, was: string) =>
	`${figure.text} (${was ? `${was} ` : ''}${where(figure)})`;

function stepView(
	step: StoryStep,
	old: StoryStep | undefined,
	before: DatasetRows,
	after: DatasetRows,
	rows: Map<string, string>
): ViewChange | undefined {
	const changes: TextChange[] = [];
	compareList(changes, 'paragraph', old?.paragraphs ?? [], step.paragraphs);
	compareText(changes, 'announcement', old?.announce, step.announce);
	const where = `Step ${step.n} (${step.chart} chart; also /embed/${step.chart}/${step.n}/)`;
	return compareCharts(
		{ where },
		changes,
		chartOutput(step.chart, before, step.state),
		chartOutput(step.chart, after, step.state),
		rows,
		false
	);
}

function pageText(before: Story | undefined, after: Story): ViewChange | undefined {
	const changes: TextChange[] = [];
	compareText(changes, 'headline', before?.headline, after.headline);
	compareText(changes, 'standfirst', before?.dek, after.dek);
	compareList(changes, 'intro paragraph', before?.intro ?? [], after.intro);
	compareList(changes, 'method paragraph', before?.method ?? [], after.method);
	return changes.length ? { where: 'Page text', changes, gone: [], added: [] } : undefined;
}

export function readerDiff(
	before: DatasetRows,
	after: DatasetRows,
	storySource: string
): ReaderDiff {
	const old = parseStory(storySource, before).story;
	const parsed = parseStory(storySource, after);
	const story = parsed.story ?? old;
	const rows = rowMap(before, after);
	const views: ViewChange[] = [];
	if (story && parsed.story) {
		const page = pageText(old, parsed.story);
		if (page) views.push(page);
	}
	const drawn = { before: new Set<string>(), after: new Set<string>() };
	const note = (output: ChartOutput, into: Set<string>) => {
		for (const figure of output.figures) into.add(rowKey(figure.dataset, figure.row));
	};
	for (const step of story?.steps ?? []) {
		const view = stepView(step, old?.steps[step.n - 1], before, after, rows);
		if (view) views.push(view);
		note(chartOutput(step.chart, before, step.state), drawn.before);
		note(chartOutput(step.chart, after, step.state), drawn.after);
	}
	for (const chart of CHART_IDS) {
		const then = chartOutput(chart, before);
		const now = chartOutput(chart, after);
		note(then, drawn.before);
		note(now, drawn.after);
		const view = compareCharts(
			{ where: `Full ${chart} chart (/embed/${chart}/, its embed code and snapshot)` },
			[],
			then,
			now,
			rows,
			true
		);
		if (view) views.push(view);
	}
	const undrawn: Undrawn[] = [];
	const oldKey = new Map([...rows].map(([was, is]) => [is, was]));
	for (const chart of CHART_IDS) {
		for (const row of after[chart]) {
			const key = rowKey(chart, row.row);
			if (drawn.after.has(key)) continue;
			const was = oldKey.get(key);
			undrawn.push({
				chart,
				row: row.row,
				summary: rowSummary(chart, row),
				wasDrawn: was !== undefined && drawn.before.has(was)
			});
		}
	}
	// A token used in a step's text and its announcement fails twice with the same words.
	return { views, undrawn, problems: [...new Set(parsed.problems)] };
}

/** The reader-level diff as plain text for a terminal. */
export function formatReaderDiff(diff: ReaderDiff): string {
	const lines = ['What readers will see change:'];
	if (diff.problems.length) {
		lines.push('', 'The story no longer reads with this data (the build would stop):');
		for (const problem of diff.problems) lines.push(`  ${problem}`);
	}
	if (diff.views.length === 0) lines.push('', 'Nothing a reader sees changes.');
	for (const view of diff.views) {
		lines.push('', view.where);
		for (const change of view.changes) {
			lines.push(`  ${change.what}:`);
			lines.push(`    - ${change.before || '(nothing)'}`);
			lines.push(`    + ${change.after || '(nothing)'}`);
		}
		for (const text of view.gone) lines.push(`  no longer drawn: ${text}`);
		for (const text of view.added) lines.push(`  now drawn: ${text}`);
	}
	if (diff.undrawn.length) {
		lines.push('', 'Rows no view draws (not on the page, the story or any embed):');
		for (const row of diff.undrawn) {
			const flag = row.wasDrawn ? ' (drawn before this change)' : '';
			lines.push(`  data/${row.chart}.csv row ${row.row}: ${row.summary}${flag}`);
		}
	}
	return lines.join('\n') + '\n';
}
