/**
 * Test harness for the data commands (data:check, data:diff). Most tests call the command's function
 * in-process with a context that collects its output: the same code and the same bytes as the CLI,
 * without starting Node and tsx for each case (about a second each on a busy 2-core machine). A few
 * tests still spawn the real command line, for its exit codes and streams.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliContext } from './data-cli';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

interface Where {
	/** The project the command runs in (npm's working directory); the repository by default. */
	root?: string;
	/** Where the editor typed the command (npm's INIT_CWD); `root` by default. */
	from?: string;
}

const REPOSITORY = resolve(import.meta.dirname, '..');

/** Runs `command` as its CLI file does, collecting what the terminal would show. */
export async function runCommand(
	command: (argv: readonly string[], context: CliContext) => number | Promise<number>,
	argv: readonly string[],
	{ root = REPOSITORY, from = root }: Where = {}
): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const context: CliContext = {
		root,
		from,
		out: (text) => void (stdout += text),
		err: (text) => void (stderr += text)
	};
	const code = await command(argv, context);
	return { code, stdout, stderr };
}

// From the repository's node_modules, so the command runs from any folder, as with `npm run`.
const TSX = pathToFileURL(join(REPOSITORY, 'node_modules/tsx/dist/loader.mjs')).href;

/** Spawns `scripts/<script>` through tsx, from `root`, as `npm run` starts it for an editor. */
export function spawnCommand(
	script: 'data-check.ts' | 'data-diff.ts',
	argv: readonly string[],
	{ root = REPOSITORY, from = root }: Where = {}
): Promise<CliRun> {
	return new Promise((done) => {
		execFile(
			process.execPath,
			['--import', TSX, join(REPOSITORY, 'scripts', script), ...argv],
			{ cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: from } },
			(error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

/** Output as lines, without the last line's newline. */
export const lines = (stdout: string) => stdout.trimEnd().split('\n');
