/**
 * `npm run data:diff` — what an edit to data/ changes, row by row and as readers will see it.
 *   no argument, or a file in data/ (data/downloads.csv): data/ against what is published — the last
 *     commit (git HEAD), or the last build's copy in build/data/ where there is no git;
 *   another file (~/Downloads/downloads.csv [--as <id>]): that file against data/<id>.csv.
 * Then the reader-level diff: each story step, chart and embed whose text changes, before → after.
 * Exit 0 after printing a diff, 1 when a file has errors (they are printed instead), 2 on a wrong command.
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
import { parseArgs, plural, userPath, type CliArgs } from './data-cli';
import { publishedBase } from './data-diff-base';

type Rows = DatasetRows[DatasetId][number][];

interface Side {
	/** How the file is named in the diff. */
	name: string;
	rows: Rows;
	issues: DataIssue[];
}

const root = process.cwd();

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

const current = (id: DatasetId) => fromFile(id, join(root, datasetFile(id)), datasetFile(id));

interface Comparison {
	id: DatasetId;
	before: Side;
	after: Side;
}

/** The reader-level diff draws charts, so it loads through Vite, which compiles their Svelte files. */
async function readerLevel(before: DatasetRows, after: DatasetRows): Promise<string> {
	const project = fileURLToPath(new URL('..', import.meta.url));
	try {
		const [{ runnerImport }, { svelte }] = await Promise.all([
			import('vite'),
			import('@sveltejs/vite-plugin-svelte')
		]);
		const { module } = await runnerImport<typeof import('../src/lib/editor/reader-diff')>(
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
		const story = readFileSync(join(root, STORY_FILE), 'utf8');
		return module.formatReaderDiff(module.readerDiff(before, after, story));
	} catch (error) {
		return `What readers will see change: could not be worked out (${(error as Error).message.split('\n')[0]}); the row diff above still holds.\n`;
	}
}

/** Which comparisons the arguments ask for; a string is a message for the terminal. */
function plan(args: CliArgs): { comparisons: Comparison[]; heading?: string } | string {
	const inData = (id: DatasetId, file: string) =>
		resolve(userPath(file)) === resolve(root, datasetFile(id));
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
		const from = base as Exclude<typeof base, DataIssue | undefined>;
		return { id, before: fromBytes(id, from.read(id), from.name(id)), after: current(id) };
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
				: { id, before: current(id), after: fromFile(id, userPath(file), file) }
		);
	}
	const label = base && !('message' in base) ? base.label : undefined;
	return { comparisons, heading: label && `Files in data/ are compared with ${label}.` };
}

async function main(): Promise<number> {
	let args: CliArgs;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`data:diff: ${(error as Error).message}`);
		return 2;
	}
	const planned = plan(args);
	if (typeof planned === 'string') {
		console.log(planned);
		return planned.startsWith('data/') ? 1 : 2;
	}
	const { comparisons, heading } = planned;
	const problems = comparisons.flatMap(({ before, after }) =>
		[...before.issues, ...after.issues].filter((issue) => issue.severity === 'error')
	);
	if (problems.length) {
		for (const issue of problems) console.log(formatIssue(issue));
		console.log(
			`data:diff: ${plural(problems.length, 'error')}; fix them (npm run data:check) to see the diff.`
		);
		return 1;
	}
	if (heading) console.log(`${heading}\n`);
	const before = {} as Record<DatasetId, Rows>;
	const after = {} as Record<DatasetId, Rows>;
	for (const id of DATASET_IDS) before[id] = after[id] = current(id).rows;
	comparisons.forEach(({ id, before: old, after: now }, index) => {
		if (index > 0) console.log('');
		process.stdout.write(formatDiff(diffDatasets(id, old.rows, now.rows), old.name, now.name));
		before[id] = old.rows;
		after[id] = now.rows;
	});
	console.log('');
	process.stdout.write(
		await readerLevel(before as unknown as DatasetRows, after as unknown as DatasetRows)
	);
	return 0;
}

process.exitCode = await main();
