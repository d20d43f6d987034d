/**
 * `npm test`: every check the project has, in two lanes so neither core of a small machine sits idle:
 * the build, its byte budgets and the browser tests in one (the longest chain, so it starts first); the
 * unit tests, type check and lint in the other. In each lane a step runs only after the one before it
 * passed. Each step's output is printed whole when it ends, headed by its name and time, so two steps
 * never interleave; the browser tests, the last to end, print as they go.
 */
import { spawn } from 'node:child_process';

interface Step {
	name: string;
	script: string;
	/** Print as it runs rather than when it ends. */
	live?: boolean;
}

const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

function run({ name, script, live }: Step): Promise<boolean> {
	const from = performance.now();
	console.log(`▶ ${name} (npm run ${script}) started at ${seconds(started)}`);
	return new Promise((done) => {
		const child = spawn('npm', ['run', '--silent', script], {
			stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
			env: process.env
		});
		const output: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('close', (code) => {
			const passed = code === 0;
			const text = Buffer.concat(output).toString().trimEnd();
			console.log(
				`\n── ${name}: ${passed ? 'passed' : `FAILED (exit ${code})`} in ${seconds(from)} ──`
			);
			if (text) console.log(text);
			done(passed);
		});
	});
}

/** Runs the steps in order, stopping at the first that fails; resolves to whether all passed. */
async function lane(steps: Step[]): Promise<boolean> {
	for (const step of steps) if (!(await run(step))) return false;
	return true;
}

const checks = lane([
	{ name: 'unit tests', script: 'test:unit' },
	{ name: 'type check', script: 'check' },
	{ name: 'lint', script: 'lint' }
]);
const site = lane([
	{ name: 'build', script: 'build' },
	{ name: 'byte budgets', script: 'budget' },
	{ name: 'browser tests', script: 'test:e2e', live: true }
]);
const results = await Promise.all([checks, site]);
const passed = results.every(Boolean);
console.log(`\nnpm test: ${passed ? 'all passed' : 'FAILED'} in ${seconds(started)}.`);
process.exit(passed ? 0 : 1);
