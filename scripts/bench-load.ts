/**
 * `npm run bench:load`: what happens when a story breaks. Starts `npm start`'s server on a free
 * port of 127.0.0.1 and drives it with autocannon: the story page, an embed and a CSV in turn on
 * every connection, at 100 and then 200 connections, 10 s each, asking for compressed responses as
 * browsers do. Prints requests/s, p50/p99 latency, errors and non-2xx answers, and the p99 ratio.
 *
 * Env: BUILD_DIR (build), BENCH_SECONDS (10), BENCH_URL to measure a server that is already running.
 * Exits 1 on any error or non-2xx answer; the p99 ratio (aim: at most 2.5) is reported, not enforced,
 * because it depends on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const PATHS = ['/', '/embed/downloads/', '/data/downloads.csv'];
const LEVELS = [100, 200];
const RATIO_AIM = 2.5;

function startServer(): Promise<{ url: string; server: ChildProcess }> {
	return new Promise((resolve, reject) => {
		const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
			cwd: root,
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let output = '';
		server.stdout.on('data', (chunk: Buffer) => {
			output += chunk;
			const port = /at http:\/\/localhost:(\d+)/.exec(output)?.[1];
			if (port) resolve({ url: `http://127.0.0.1:${port}`, server });
		});
		server.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
	});
}

interface Row {
	connections: number;
	requests: number;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	timeouts: number;
	non2xx: number;
}

async function drive(url: string, connections: number): Promise<Row> {
	const result = await autocannon({
		url,
		connections,
		duration: seconds,
		headers: { 'accept-encoding': 'br, gzip' },
		requests: PATHS.map((path) => ({ method: 'GET', path }))
	});
	return {
		connections,
		requests: result.requests.total,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx
	};
}

function table(rows: Row[]): string {
	const header = ['connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'];
	const cells = rows.map((row) => [
		String(row.connections),
		row.requests.toLocaleString('en-GB'),
		Math.round(row.rps).toLocaleString('en-GB'),
		String(row.p50),
		String(row.p99),
		String(row.errors + row.timeouts),
		String(row.non2xx)
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
	const line = (values: string[]) =>
		`| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
	return [
		line(header),
		`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
		...cells.map(line)
	].join('\n');
}

const external = process.env.BENCH_URL;
const started = external ? undefined : await startServer();
const url = external ?? started!.url;
try {
	console.log(`bench:load ${url}: ${PATHS.join(', ')} in turn, ${seconds} s per level\n`);
	const rows: Row[] = [];
	for (const connections of LEVELS) rows.push(await drive(url, connections));
	console.log(table(rows));
	const [low, high] = rows;
	const ratio = high!.p99 / Math.max(1, low!.p99);
	const failures = rows.reduce((sum, row) => sum + row.errors + row.timeouts + row.non2xx, 0);
	console.log(
		`\np99 at ${high!.connections} / p99 at ${low!.connections}: ${ratio.toFixed(2)} ` +
			`(aim ≤ ${RATIO_AIM}: ${ratio <= RATIO_AIM ? 'met' : 'NOT met'})`
	);
	console.log(`errors and non-2xx answers: ${failures}${failures ? ' (FAIL)' : ''}`);
	process.exitCode = failures ? 1 : 0;
} finally {
	started?.server.kill('SIGTERM');
}
