import { isAbsolute, resolve } from 'node:path';
import { DATASET_IDS, isDatasetId, type DatasetId } from '../src/lib/schema/datasets';

export interface CliArgs {
	files: string[];
	as?: DatasetId;
}

/**
 * Where a data command runs and writes. The CLI files pass `processContext()`; tests call the same
 * function in-process with their own, so what they assert is byte for byte what an editor sees.
 */
export interface CliContext {
	/** The project checked: `data/`, the story, git. npm runs scripts from the project root. */
	root: string;
	/** Where the editor typed the command: relative file names are relative to it. */
	from: string;
	/** Standard output, written exactly as given (a line carries its own `\n`). */
	out(text: string): void;
	/** Standard error, for a wrong command. */
	err(text: string): void;
}

export function processContext(): CliContext {
	return {
		root: process.cwd(),
		from: process.env.INIT_CWD ?? process.cwd(),
		out: (text) => process.stdout.write(text),
		err: (text) => process.stderr.write(text)
	};
}

/** `[--as <id>] [file.csv …]`; throws a message for the terminal when the arguments are wrong. */
export function parseArgs(argv: readonly string[]): CliArgs {
	const files: string[] = [];
	let as: DatasetId | undefined;
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--as' || arg.startsWith('--as=')) {
			const value = arg === '--as' ? argv[++index] : arg.slice('--as='.length);
			if (!value || !isDatasetId(value)) {
				throw new Error(
					`--as needs one of: ${DATASET_IDS.join(', ')} (got ${value ? JSON.stringify(value) : 'nothing'})`
				);
			}
			as = value;
		} else if (arg.startsWith('--')) {
			throw new Error(`unknown option ${arg}; the only option is --as <${DATASET_IDS.join('|')}>`);
		} else files.push(arg);
	}
	return { files, as };
}

/**
 * The arguments of `command` (e.g. `data:check`), or undefined after telling the editor on standard
 * error what is wrong with them (the command then exits 2).
 */
export function argsOf(command: string, argv: readonly string[], context: CliContext) {
	try {
		return parseArgs(argv);
	} catch (error) {
		context.err(`${command}: ${(error as Error).message}\n`);
		return undefined;
	}
}

/** npm runs scripts from the project root; a path the editor typed is relative to where they were. */
export function userPath(file: string, from: string): string {
	return isAbsolute(file) ? file : resolve(from, file);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
