import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './project-data';

/**
 * A throwaway copy of the project for a test that edits data/ or the story, builds it with
 * `npm run build` and serves it with `npm start`'s server: the build other specs test is never touched.
 */
export function copyProject(prefix: string, parent = tmpdir()): string {
	const dir = mkdtempSync(join(parent, `${prefix}-`));
	const skip =
		/^(node_modules|build.*|deploy.*|\.svelte-kit.*|\.git|test-results|playwright-report|tmp-.*)$/;
	for (const name of readdirSync(ROOT)) {
		if (skip.test(name)) continue;
		cpSync(join(ROOT, name), join(dir, name), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

function run(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	detached = false
): ChildProcess {
	return spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe', detached });
}

/** How `npm run build` in a copy ended: its exit code, wall time and output. */
export interface BuildResult {
	code: number | null;
	seconds: number;
	output: string;
}

/**
 * Runs `npm run build` in the copy, as an editor would, in a process group of its own (`stop` ends npm,
 * the build script and Vite together). The copy's build/ is its own, whatever BUILD_DIR this run uses.
 */
export function runBuild(dir: string): { result: Promise<BuildResult>; stop: () => void } {
	const started = Date.now();
	const env = {
		BUILD_DIR: 'build',
		SVELTEKIT_OUT_DIR: '.svelte-kit',
		DEPLOY_DIR: 'deploy',
		TZ: 'UTC'
	};
	const child = run('npm', ['run', 'build'], dir, env, true);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const result = new Promise<BuildResult>((done) => {
		child.on('error', (error) => (output += `\n${error.message}`));
		child.on('close', (code) => done({ code, seconds: (Date.now() - started) / 1000, output }));
	});
	const stop = () => {
		if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// The group has already gone.
		}
	};
	return { result, stop };
}

/** Starts `npm start`'s server for the copy's build on a free port; resolves to its URL. */
export function serveCopy(dir: string): Promise<{ url: string; server: ChildProcess }> {
	return new Promise((done, fail) => {
		const env = { PORT: '0', HOST: '127.0.0.1', SKIP_BUILD_CHECK: '1', BUILD_DIR: 'build' };
		const server = run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], dir, env);
		let output = '';
		server.stdout!.on('data', (chunk) => {
			output += chunk;
			const port = /at http:\/\/localhost:(\d+)/.exec(output)?.[1];
			if (port) done({ url: `http://127.0.0.1:${port}`, server });
		});
		server.stderr!.on('data', (chunk) => (output += chunk));
		server.on('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
	});
}
