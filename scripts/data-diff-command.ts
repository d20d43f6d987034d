/**
 * What `npm run data:diff` does (scripts/data-diff.ts is the command line around it), as a function
 * of the arguments and a CliContext: the tests run it in-process and see exactly what the CLI prints.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffDatasets, formatDiff } from '../src/lib/data/diff';
import { datasetFromName } from '../src/lib/data/infer';
import { formatIssue, type DataIssue } from '../src/lib/data/issues';
import { readDataFile } from '../src/lib/data/load.server';
import { validateDataset } from '../src/lib/data/validate';
import {
	DATASET_IDS,
	datasetFile,
	type DatasetId,
	type DatasetRows
} from '../src/lib/schema/datasets';
import { STORY_FILE } from '../src/lib/story/story';
import { argsOf, plural, userPath, type CliArgs, type CliContext } from './data-cli';
import { publishedBase } from './data-diff-base';

type Rows = DatasetRows[DatasetId][number][];

interface Side {
	/** How the file is named in the diff. */
	name: string;
	rows: Rows;
	issues: DataIssue[];
}

function fromBytes(id: DatasetId, bytes: Uint8Array | undefined, name: string): Side {
	// A dataset the published version doesn't have yet: every row of it is new.
	if (!bytes) return { name: `${name} (not there)`, rows: [], issues: [] };
	const result = validateDataset(id, bytes, name);
	return { name, rows: result.rows, issues: result.issues };
}

function fromFile(id: DatasetId, path: string, name: string): Side {
	const read = readDataFile(path, name);
	if (!read.bytes) return { name, rows: [], issues: [read.issue!] };
	return fromBytes(id, read.bytes, name);
}

/** A file of data/ in the project at `root`, as it is now. */
const current = (root: string, id: DatasetId) =>
	fromFile(id, join(root, datasetFile(id)), datasetFile(id));

interface Comparison {
	id: DatasetId;
	before: Side;
	after: Side;
}

export type ReaderDiffModule = typeof import('../src/lib/editor/reader-diff');

/** The reader-level diff draws charts, so it loads through Vite, which compiles their Svelte files. */
async function loadReaderDiff(): Promise<ReaderDiffModule> {
	const project = fileURLToPath(new URL('..', import.meta.url));
	const [{ runnerImport }, { svelte }] = await Promise.all([
		import('vite'),
		import('@sveltejs/vite-plugin-svelte')
	]);
	const { module } = await runnerImport<ReaderDiffModule>(
		join(project, 'src/lib/editor/reader-diff.ts'),
		{
			root: project,
			logLevel: 'error',
			// Server-side compiled components with their CSS inline: nothing here is served.
			plugins: [svelte({ emitCss: false, compilerOptions: { css: 'injected' } })],
			environments: {
				inline: { resolve: { noExternal: ['layercake'], conditions: ['svelte'] } }
			}
		}
	);
	return module;
}

async function readerLevel(
	load: () => Promise<ReaderDiffModule>,
	root: string,
	before: DatasetRows,
	after: DatasetRows
): Promise<string> {
	try {
		const module = await load();
		const story = readFileSync(join(root, STORY_FILE), 'utf8');
		return module.formatReaderDiff(module.readerDiff(before, after, story));
	} catch (error) {
		return `What readers will see change: could not be worked out (${(error as Error).message.split('\n')[0]}); the row diff above still holds.\n`;
	}
}

/** Which comparisons the arguments ask for; a string is a message for the terminal. */
function plan(
	args: CliArgs,
	{ root, from }: CliContext
): { comparisons: Comparison[]; heading?: string } | string {
	const inData = (id: DatasetId, file: string) =>
		resolve(userPath(file, from)) === resolve(root, datasetFile(id));
	const wantsPublished =
		args.files.length === 0 ||
		args.files.some((file) => {
			const id = args.as ?? datasetFromName(file);
			return id !== undefined && inData(id, file);
		});
	let base: ReturnType<typeof publishedBase> | undefined;
	if (wantsPublished) {
		base = publishedBase(root);
		if ('message' in base) return formatIssue(base);
	}
	const published = (id: DatasetId): Comparison => {
		const last = base as Exclude<typeof base, DataIssue | undefined>;
		return { id, before: fromBytes(id, last.read(id), last.name(id)), after: current(root, id) };
	};
	if (args.files.length === 0) {
		return {
			comparisons: DATASET_IDS.map(published),
			heading: `Comparing data/ with ${(base as { label: string }).label}.`
		};
	}
	const comparisons: Comparison[] = [];
	for (const file of args.files) {
		const id = args.as ?? datasetFromName(file);
		if (!id)
			return `${file}: can't tell from the name which chart this file is for; add --as ${DATASET_IDS.join(', --as ')}`;
		comparisons.push(
			inData(id, file)
				? published(id)
				: { id, before: current(root, id), after: fromFile(id, userPath(file, from), file) }
		);
	}
	const label = base && !('message' in base) ? base.label : undefined;
	return { comparisons, heading: label && `Files in data/ are compared with ${label}.` };
}

export interface DataDiffOptions {
	/**
	 * Loads the reader-level diff: through Vite by default. Tests, already running under Vite, pass
	 * their own compile of the same module.
	 */
	readerDiff?: () => Promise<ReaderDiffModule>;
}

/** Prints the diff `argv` asks for, for the project at `context.root`; resolves to the exit code. */
export async function dataDiff(
	argv: readonly string[],
	context: CliContext,
	{ readerDiff = loadReaderDiff }: DataDiffOptions = {}
): Promise<number> {
	const { root, out } = context;
	const args = argsOf('data:diff', argv, context);
	if (!args) return 2;
	const planned = plan(args, context);
	if (typeof planned === 'string') {
		out(`${planned}\n`);
		return planned.startsWith('data/') ? 1 : 2;
	}
	const { comparisons, heading } = planned;
	const problems = comparisons.flatMap(({ before, after }) =>
		[...before.issues, ...after.issues].filter((issue) => issue.severity === 'error')
	);
	if (problems.length) {
		for (const issue of problems) out(`${formatIssue(issue)}\n`);
		out(
			`data:diff: ${plural(problems.length, 'error')}; fix them (npm run data:check) to see the diff.\n`
		);
		return 1;
	}
	if (heading) out(`${heading}\n\n`);
	const before = {} as Record<DatasetId, Rows>;
	const after = {} as Record<DatasetId, Rows>;
	for (const id of DATASET_IDS) before[id] = after[id] = current(root, id).rows;
	comparisons.forEach(({ id, before: old, after: now }, index) => {
		if (index > 0) out('\n');
		out(formatDiff(diffDatasets(id, old.rows, now.rows), old.name, now.name));
		before[id] = old.rows;
		after[id] = now.rows;
	});
	out('\n');
	out(
		await readerLevel(
			readerDiff,
			root,
			before as unknown as DatasetRows,
			after as unknown as DatasetRows
		)
	);
	return 0;
}
