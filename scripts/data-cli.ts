import { isAbsolute, resolve } from 'node:path';
import { DATASET_IDS, isDatasetId, type DatasetId } from '../src/lib/schema/datasets';

export interface CliArgs {
	files: string[];
	as?: DatasetId;
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

/** npm runs scripts from the project root; a path the editor typed is relative to where they were. */
export function userPath(file: string): string {
	return isAbsolute(file) ? file : resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
