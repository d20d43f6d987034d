/**
 * What `npm run data:check` does (scripts/data-check.ts is the command line around it), as a function
 * of the arguments and a CliContext: the tests run it in-process and see exactly what the CLI prints.
 */
import { checkProject } from '../src/lib/server/project.server';
import { datasetFromName } from '../src/lib/data/infer';
import { formatIssue, type DataIssue } from '../src/lib/data/issues';
import { readDataFile } from '../src/lib/data/load.server';
import { validateDataset } from '../src/lib/data/validate';
import { DATASET_IDS, datasetFile } from '../src/lib/schema/datasets';
import { argsOf, plural, userPath, type CliArgs, type CliContext } from './data-cli';

function checkFiles({ files, as }: CliArgs, from: string): DataIssue[] {
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
		const read = readDataFile(userPath(file, from), file);
		if (!read.bytes) issues.push(read.issue!);
		else issues.push(...validateDataset(id, read.bytes, file).issues);
	}
	return issues;
}

/** Checks what `argv` names (or the whole project at `context.root`); returns the exit code. */
export function dataCheck(argv: readonly string[], context: CliContext): number {
	const args = argsOf('data:check', argv, context);
	if (!args) return 2;
	let lines: string[];
	let errors: number;
	let warnings: number;
	let checked: string[];
	if (args.files.length) {
		const issues = checkFiles(args, context.from);
		lines = issues.map(formatIssue);
		errors = issues.filter((issue) => issue.severity === 'error').length;
		warnings = issues.length - errors;
		checked = args.files;
	} else {
		const project = checkProject(context.root);
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
	for (const line of lines) context.out(`${line}\n`);
	const found = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
	const what = checked.length === 1 ? checked[0] : plural(checked.length, 'file');
	context.out(
		errors
			? `data:check: ${what} checked: ${found}. Fix the errors; the build refuses this data until then.\n`
			: `data:check: ${what} checked: ${found}. OK.\n`
	);
	return errors ? 1 : 0;
}
