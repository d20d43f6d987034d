/**
 * `npm run data:diff -- new.csv [--as <id>]` — what would change on the page if new.csv replaced the
 * published data/<id>.csv: rows added, removed and changed (each figure old → new) and the new extremes.
 * Exit 0 after printing a diff, 1 when a file has errors (they are printed instead), 2 on a wrong command.
 */
import { join } from 'node:path';
import { diffDatasets, formatDiff } from '../src/lib/data/diff';
import { datasetFromName } from '../src/lib/data/infer';
import { formatIssue, hasErrors } from '../src/lib/data/issues';
import { readDataFile } from '../src/lib/data/load.server';
import { validateDataset } from '../src/lib/data/validate';
import { DATASET_IDS, datasetFile, type DatasetId } from '../src/lib/schema/datasets';
import { parseArgs, plural, userPath, type CliArgs } from './data-cli';

function load(id: DatasetId, path: string, shownAs: string) {
	const read = readDataFile(path, shownAs);
	if (!read.bytes) return { rows: [], issues: [read.issue!] };
	return validateDataset(id, read.bytes, shownAs);
}

function diffOne(file: string, as: DatasetId | undefined): boolean {
	const id = as ?? datasetFromName(file);
	if (!id) {
		console.log(
			`${file}: can't tell from the name which chart this file is for; add --as ${DATASET_IDS.join(', --as ')}`
		);
		return false;
	}
	const published = datasetFile(id);
	const before = load(id, join(process.cwd(), published), published);
	const after = load(id, userPath(file), file);
	const problems = [...before.issues, ...after.issues].filter(
		(issue) => issue.severity === 'error'
	);
	if (hasErrors(problems)) {
		for (const issue of problems) console.log(formatIssue(issue));
		console.log(
			`data:diff: ${plural(problems.length, 'error')}; fix them (npm run data:check -- ${file}) to see the diff.`
		);
		return false;
	}
	process.stdout.write(formatDiff(diffDatasets(id, before.rows, after.rows), published, file));
	return true;
}

function main(): number {
	let args: CliArgs;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`data:diff: ${(error as Error).message}`);
		return 2;
	}
	if (args.files.length === 0) {
		console.error(
			'data:diff: name the new file, e.g. npm run data:diff -- ~/Downloads/downloads.csv'
		);
		return 2;
	}
	let ok = true;
	args.files.forEach((file, index) => {
		if (index > 0) console.log('');
		ok = diffOne(file, args.as) && ok;
	});
	return ok ? 0 : 1;
}

process.exitCode = main();
