/**
 * `npm run data:check` — checks every file in data/ (and the story's figures against them), or
 * `npm run data:check -- [--as <id>] file.csv …` — checks the given files against their chart's schema.
 * Prints every problem as `file:row:column: message`, then one summary line. Exit 0 when there are no
 * errors (warnings allowed), 1 when there are, 2 when the command itself is wrong.
 */
import { checkProject } from '../src/lib/server/project.server';
import { datasetFromName } from '../src/lib/data/infer';
import { formatIssue, type DataIssue } from '../src/lib/data/issues';
import { readDataFile } from '../src/lib/data/load.server';
import { validateDataset } from '../src/lib/data/validate';
import { DATASET_IDS, datasetFile } from '../src/lib/schema/datasets';
import { parseArgs, plural, userPath, type CliArgs } from './data-cli';

function checkFiles({ files, as }: CliArgs): DataIssue[] {
	const issues: DataIssue[] = [];
	for (const file of files) {
		const id = as ?? datasetFromName(file);
		if (!id) {
			issues.push({
				file,
				severity: 'error',
				message: `can't tell from the name which chart this file is for; add --as ${DATASET_IDS.join(', --as ')}`
			});
			continue;
		}
		const read = readDataFile(userPath(file), file);
		if (!read.bytes) issues.push(read.issue!);
		else issues.push(...validateDataset(id, read.bytes, file).issues);
	}
	return issues;
}

function main(): number {
	let args: CliArgs;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`data:check: ${(error as Error).message}`);
		return 2;
	}
	let lines: string[];
	let errors: number;
	let warnings: number;
	let checked: string[];
	if (args.files.length) {
		const issues = checkFiles(args);
		lines = issues.map(formatIssue);
		errors = issues.filter((issue) => issue.severity === 'error').length;
		warnings = issues.length - errors;
		checked = args.files;
	} else {
		const project = checkProject(process.cwd());
		const dataErrors = project.data.issues.filter((issue) => issue.severity === 'error').length;
		const dataWarnings = project.data.issues.length - dataErrors;
		// Data issues in file order (warnings beside the errors of the same file), then story problems,
		// then what the story leaves out.
		lines = [
			...project.data.issues.map(formatIssue),
			...project.errors.slice(dataErrors),
			...project.warnings.slice(dataWarnings)
		];
		errors = project.errors.length;
		warnings = project.warnings.length;
		checked = [
			...DATASET_IDS.map(datasetFile),
			...(project.story ? ['src/content/story.aml'] : [])
		];
	}
	for (const line of lines) console.log(line);
	const found = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
	const what = checked.length === 1 ? checked[0] : plural(checked.length, 'file');
	console.log(
		errors
			? `data:check: ${what} checked: ${found}. Fix the errors; the build refuses this data until then.`
			: `data:check: ${what} checked: ${found}. OK.`
	);
	return errors ? 1 : 0;
}

process.exitCode = main();
