/**
 * An interrupted `npm run build` never changes build/. On a copy of the project: a good build, a
 * data edit, then a build of the edited data that is stopped at each stage — during Vite's build,
 * during prerendering, during the adapter's write, during postbuild — and finally killed; after
 * each stop build/ must be byte for byte the good build. Then a build runs to the end and must be
 * whole: every page, asset, `.gz`/`.br` copy, `_headers`, and its completeness marker.
 *
 * The copy builds the data and story of tests/fixtures/story-checks/project, a small valid project
 * (5 story steps), instead of data/ and the live story: what is under test is the build's staging,
 * not the content, and every story state costs five PNG cards (a copy with the live story's 18
 * states took ~40 s of CPU to build, this one ~25 s). An editor's valid update to data/ doesn't
 * change what this test builds, either.
 *
 * Default (three builds, each about 20–25 s on a busy 2-core machine): ONE interrupted run. At
 * the first three stages the whole build is frozen (SIGSTOP to its process group), build/ is
 * hashed, and the build resumes; at the fourth (mid-precompression) it is killed with SIGKILL. A
 * frozen build can write nothing more, so what is on disk then is exactly what a SIGKILL at that
 * instant would leave. ATOMIC_BUILD_EVERY_KILL=1 kills a separate run with SIGKILL at every stage,
 * and one between the swap's two renames.
 *
 * Everything runs in its own temporary copy with its own BUILD_DIR, SVELTEKIT_OUT_DIR and
 * DEPLOY_DIR, so it can run beside other builds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FILE } from '../src/lib/story/story';
import config from '../svelte.config.js';
import { collectHeaders, netlifyHeaders, nginxConf } from './host-config.js';
import { MANIFEST_NAME, verifyBuild } from './manifest.js';
import { COMPRESSIBLE } from './precompress.js';
import { policyFromDirectives } from './security-headers.js';
import { buildFolders, restoreInterruptedSwap } from './staged-build.js';

const ROOT = resolve(import.meta.dirname, '..');
/** What `npm run build` reads, but data/ (SMALL_PROJECT's); tests, docs and output stay behind. */
const PROJECT = [
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'src',
	'static',
	'scripts'
];
/** The data/ and story the copy builds: a valid project much smaller than the live one. */
const SMALL_PROJECT = join(ROOT, 'tests/fixtures/story-checks/project');
const EVERY_KILL = Boolean(process.env.ATOMIC_BUILD_EVERY_KILL);
const EDIT = 'Revised while checking interrupted builds.';
const CSP = config.kit?.csp?.directives ?? {};

type Tree = Record<string, string>;

/** Every file below `dir`, dotfiles included, by relative path, with its sha256. */
function hashTree(dir: string, under = ''): Tree {
	const tree: Tree = {};
	for (const name of readdirSync(join(dir, under))) {
		const path = under ? `${under}/${name}` : name;
		if (statSync(join(dir, path)).isDirectory()) Object.assign(tree, hashTree(dir, path));
		else
			tree[path] = createHash('sha256')
				.update(readFileSync(join(dir, path)))
				.digest('hex');
	}
	return tree;
}

function countFiles(dir: string): number {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
		.length;
}

let dir = '';
let good: Tree = {};
const folders = () => buildFolders(join(dir, 'build'));

/** The test runner's own variables would switch off the data gate and Vite's production mode. */
function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', ...extra };
	for (const name of Object.keys(env)) {
		if (/^(VITEST.*|NODE_ENV|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/.test(name)) delete env[name];
	}
	return { ...env, BUILD_DIR: 'build', SVELTEKIT_OUT_DIR: '.svelte-kit', DEPLOY_DIR: 'deploy' };
}

interface Stage {
	name: string;
	/** True once the build is inside this stage. */
	reached: (log: string) => boolean;
}

const STAGES: Stage[] = [
	{ name: "during Vite's build", reached: (log) => /building client environment/.test(log) },
	{
		name: 'during prerendering',
		reached: () => countFiles(join(dir, '.svelte-kit/output/prerendered')) > 0
	},
	{
		name: "during the adapter's write",
		reached: () => countFiles(folders().next) >= 5 && !existsSync(join(folders().next, '_headers'))
	},
	{
		name: 'during postbuild (precompression)',
		reached: () =>
			existsSync(folders().next) &&
			readdirSync(folders().next, { recursive: true }).some((f) => String(f).endsWith('.gz'))
	}
];

const SWAP: Stage = {
	name: "between the swap's two renames",
	reached: (log) => /paused at swap/.test(log)
};

interface Observation {
	stage: string;
	how: 'frozen' | 'killed';
	/** Files in build-next/ at that moment: the unpublished build's progress. */
	nextFiles: number;
	/** Whether build-next/ had its completeness marker (it must not, before the swap). */
	nextComplete: boolean;
	/** Whether build/ was then byte for byte the last complete build. */
	unchanged: boolean;
}

/** Runs `npm run build` to the end; resolves to its output, or fails with it. */
function build(): Promise<string> {
	return new Promise((done, fail) => {
		const child = spawn('npm', ['run', 'build'], { cwd: dir, env: buildEnv() });
		let log = '';
		child.stdout.on('data', (chunk) => (log += chunk));
		child.stderr.on('data', (chunk) => (log += chunk));
		child.on('exit', (code) =>
			code === 0 ? done(log) : fail(new Error(`npm run build exited ${code}:\n${log.slice(-3000)}`))
		);
	});
}

/** The build's own last word: what it published, and how long it took. */
const summary = (log: string) => /^build: published .*$/m.exec(log)?.[0] ?? '(no summary)';

/** Whether the build is inside `stage`; a folder changing under the look counts as not yet. */
function reached(stage: Stage, log: string): boolean {
	try {
		return stage.reached(log);
	} catch {
		return false;
	}
}

/** Resolves once no process of the group is left. */
async function groupGone(group: number): Promise<void> {
	for (;;) {
		try {
			process.kill(group, 0);
		} catch {
			return;
		}
		await new Promise((wait) => setTimeout(wait, 10));
	}
}

/**
 * Starts `npm run build` in its own process group, stops it at each of `stages` in turn (freezing it
 * to look, then letting it go on), and SIGKILLs the whole group at `killAt`. `look` runs at every
 * stop while nothing of the build can move, and after the kill once every process is gone.
 */
function interruptedBuild(
	stages: Stage[],
	killAt: Stage,
	look: (stage: Stage, how: Observation['how']) => void,
	env: Record<string, string> = {}
): Promise<void> {
	return new Promise((done, fail) => {
		// detached: a group of its own, so one signal reaches npm, tsx, Vite and the prerenderer.
		const child = spawn('npm', ['run', 'build'], { cwd: dir, env: buildEnv(env), detached: true });
		const group = -child.pid!;
		let log = '';
		let pending = [...stages, killAt];
		child.stdout.on('data', (chunk) => (log += chunk));
		child.stderr.on('data', (chunk) => (log += chunk));
		const timer = setInterval(() => {
			const stage = pending[0];
			if (!stage || !reached(stage, log)) return;
			pending = pending.slice(1);
			if (stage === killAt) {
				clearInterval(timer);
				process.kill(group, 'SIGKILL');
				groupGone(group).then(() => {
					look(stage, 'killed');
					done();
				}, fail);
				return;
			}
			process.kill(group, 'SIGSTOP');
			try {
				look(stage, 'frozen');
			} finally {
				process.kill(group, 'SIGCONT');
			}
		}, 5);
		child.on('exit', () => {
			if (pending.length === 0) return;
			clearInterval(timer);
			groupGone(group).then(() =>
				fail(new Error(`the build ended before "${pending[0]!.name}":\n${log.slice(-3000)}`))
			);
		});
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atomic-build-'));
	for (const name of PROJECT) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
	cpSync(join(SMALL_PROJECT, 'data'), join(dir, 'data'), { recursive: true });
	cpSync(join(SMALL_PROJECT, STORY_FILE), join(dir, STORY_FILE));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	console.log(`good build: ${summary(await build())}`);
	good = hashTree(join(dir, 'build'));

	// An editor's change: one more sentence in the first note of downloads.csv.
	const csv = join(dir, 'data/downloads.csv');
	const table = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true });
	const first = table.data[0]!;
	first.note = `${first.note ?? ''} ${EDIT}`.trim();
	writeFileSync(csv, Papa.unparse(table.data, { newline: '\n' }) + '\n');
}, 600_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an interrupted npm run build', () => {
	const observed: Observation[] = [];
	const observe = (stage: Stage, how: Observation['how']) => {
		const now = hashTree(join(dir, 'build'));
		observed.push({
			stage: stage.name,
			how,
			nextFiles: countFiles(folders().next),
			nextComplete: existsSync(join(folders().next, MANIFEST_NAME)),
			unchanged: JSON.stringify(now) === JSON.stringify(good)
		});
	};

	it('leaves build/ exactly the last complete build, at every stage', async () => {
		expect(Object.keys(good), 'the good build').toContain(MANIFEST_NAME);
		// Output of the good build would look like this run's progress.
		rmSync(join(dir, '.svelte-kit/output'), { recursive: true, force: true });
		if (!EVERY_KILL) {
			await interruptedBuild(STAGES.slice(0, -1), STAGES.at(-1)!, observe);
		} else {
			for (const [index, stage] of STAGES.entries()) {
				rmSync(join(dir, '.svelte-kit/output'), { recursive: true, force: true });
				await interruptedBuild(STAGES.slice(0, index), stage, observe);
			}
		}
		console.log(
			observed
				.map(
					(o) =>
						`${o.how} ${o.stage}: build-next/ had ${o.nextFiles} files; ` +
						`build/ ${o.unchanged ? 'unchanged' : 'CHANGED'}`
				)
				.join('\n')
		);
		// One run per kill (every stage before it frozen on the way), or one run killed at the last.
		const runs = EVERY_KILL ? STAGES.map((_, i) => STAGES.slice(0, i + 1)) : [STAGES];
		expect(observed).toEqual(
			runs.flatMap((run) =>
				run.map((stage, i) => ({
					stage: stage.name,
					how: i === run.length - 1 ? 'killed' : 'frozen',
					nextFiles: expect.any(Number),
					nextComplete: false,
					unchanged: true
				}))
			)
		);
		// The partial folder is still there, unpublished, for the next build to clean up.
		expect(countFiles(folders().next)).toBeGreaterThan(0);
	}, 600_000);

	it.runIf(EVERY_KILL)(
		'killed between the two renames, leaves two complete builds and puts the new one back',
		async () => {
			await interruptedBuild([], SWAP, () => {}, { BUILD_PAUSE_AT: 'swap' });
			expect(existsSync(folders().dir), 'no build/ at all, never a mix').toBe(false);
			expect(hashTree(folders().old)).toEqual(good);
			expect(verifyBuild(folders().next).ok).toBe(true);
			expect(restoreInterruptedSwap(folders())).toMatch(/from build-next\//);
			expect(verifyBuild(folders().dir).ok).toBe(true);
			console.log(`killed ${SWAP.name}: build/ absent; build-old/ = the good build; restored`);
		},
		300_000
	);

	it('is cleaned up by the next build, which publishes a whole new site', async () => {
		const log = await build();
		console.log(`next build: ${summary(log)}`);
		const { dir: published } = folders();
		expect(log).toMatch(/Removed build-(next|old)\/, left by an interrupted build/);
		expect(readdirSync(dir).filter((name) => name.startsWith('build'))).toEqual(['build']);

		const verdict = verifyBuild(published);
		expect(verdict.ok && verdict.manifest.fileCount).toBe(countFiles(published) - 1);
		const now = hashTree(published);
		const files = Object.keys(now);

		// Every page and asset of the good build is there again (hashed names may change).
		const pages = (tree: Tree) => Object.keys(tree).filter((f) => f.endsWith('.html'));
		expect(pages(now).sort()).toEqual(pages(good).sort());
		const unhashed = (tree: Tree) =>
			Object.keys(tree)
				.filter((f) => !f.startsWith('_app/immutable/'))
				.sort();
		expect(unhashed(now)).toEqual(unhashed(good));
		expect(files.filter((f) => f.startsWith('_app/immutable/')).length).toBe(
			Object.keys(good).filter((f) => f.startsWith('_app/immutable/')).length
		);

		// The edit is published.
		expect(files.some((f) => readFileSync(join(published, f)).includes(EDIT))).toBe(true);

		// Each compressed copy holds its file's bytes; only files too small to gain lack one. (The
		// marker is written after precompression, on purpose.)
		for (const file of files.filter((f) => COMPRESSIBLE.test(f) && f !== MANIFEST_NAME)) {
			const original = readFileSync(join(published, file));
			for (const [ext, inflate] of [
				['gz', gunzipSync],
				['br', brotliDecompressSync]
			] as const) {
				const copy = join(published, `${file}.${ext}`);
				if (existsSync(copy)) expect(inflate(readFileSync(copy)).equals(original)).toBe(true);
				else expect(original.length, `${file}.${ext} is missing`).toBeLessThan(1024);
			}
		}

		// _headers and nginx.conf describe exactly the published pages; no temporary file is left.
		const entries = collectHeaders(published, policyFromDirectives(CSP));
		expect(readFileSync(join(published, '_headers'), 'utf8')).toBe(netlifyHeaders(entries));
		expect(readdirSync(join(dir, 'deploy'))).toEqual(['nginx.conf']);
		expect(readFileSync(join(dir, 'deploy/nginx.conf'), 'utf8')).toBe(nginxConf(entries));
	}, 300_000);
});
