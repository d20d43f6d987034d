/**
 * An interrupted `npm run build` never changes build/. On a copy of the project whose build/
 * holds a complete build: a data edit, then a build of the edited data that is stopped at each
 * stage — during Vite's build, during prerendering, during the adapter's write, during postbuild —
 * and finally killed; after each stop build/ must be byte for byte what it was. Then a build runs
 * to the end and must be whole: every page, asset, `.gz`/`.br` copy, `_headers`, and its
 * completeness marker.
 *
 * Two builds, not three: the test writes the last complete build into build/ itself (LAST_BUILD)
 * instead of running a first `npm run build` for it, a third of the test's CPU. The build never
 * reads build/: it only asks whether it is there, and renames it at the swap. So a real site there
 * would prove nothing more, and this one shows any touch better: it is complete by the build's own
 * definition (its marker lists exactly its files), but every path it shares with the next build
 * holds other bytes, and it has a page the next build doesn't make, so a write, a deletion or a
 * merge changes it. What a whole new site holds comes from the killed build instead: it was killed
 * mid-precompression, after the adapter had written every page and asset.
 *
 * The copy builds the data of tests/fixtures/story-checks/project, a small valid project, with
 * the one-step story of tests/fixtures/atomic-build/story.aml, instead of data/ and the live story:
 * what is under test is the build's staging, not the content, and every story step costs five PNG
 * cards and two pages (a build took ~40 s of CPU with the live story's 18 states, ~24 s with the
 * fixture's five steps, ~21 s with one). An editor's valid update to data/ doesn't change what this
 * test builds, either.
 *
 * Default (two builds, each about 20–25 s on a busy 2-core machine): ONE interrupted run. At the
 * first three stages the whole build is frozen (SIGSTOP to its process group), build/ is hashed,
 * and the build resumes; at the fourth (mid-precompression) it is killed with SIGKILL. A frozen
 * build can write nothing more, so what is on disk then is exactly what a SIGKILL at that instant
 * would leave. ATOMIC_BUILD_EVERY_KILL=1 kills a separate run with SIGKILL at every stage, and one
 * between the swap's two renames.
 *
 * Everything runs in its own temporary copy with its own BUILD_DIR, SVELTEKIT_OUT_DIR and
 * DEPLOY_DIR, so it can run beside other builds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FILE } from '../src/lib/story/story';
import config from '../svelte.config.js';
import { collectHeaders, netlifyHeaders, nginxConf } from './host-config.js';
import {
	dataDigest,
	hashBuildFiles,
	MANIFEST_NAME,
	verifyBuild,
	type BuildManifest
} from './manifest.js';
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
/** The data the copy builds: a valid project much smaller than the live one. */
const SMALL_PROJECT = join(ROOT, 'tests/fixtures/story-checks/project');
/** The story it builds over that data: one step, since each costs five PNG cards and two pages. */
const ONE_STEP_STORY = join(ROOT, 'tests/fixtures/atomic-build/story.aml');
const EVERY_KILL = Boolean(process.env.ATOMIC_BUILD_EVERY_KILL);
const EDIT = 'Revised while checking interrupted builds.';
const CSP = config.kit?.csp?.directives ?? {};

type Tree = Record<string, string>;

const lastPage = (title: string) =>
	`<!doctype html><html lang="en"><title>${title}</title><p>The last complete build.</p></html>\n`;

/**
 * The last complete build, as the test leaves it in build/ (plus its marker): paths the next build
 * writes too, with other bytes, and a page it doesn't make, so that any touch changes build/.
 */
const LAST_BUILD: Record<string, string | Buffer> = {
	'index.html': lastPage('A story'),
	'index.html.gz': gzipSync(lastPage('A story')),
	'embed/downloads/index.html': lastPage('Downloads'),
	'retired/index.html': lastPage('A page the next build no longer has'),
	'snapshots/downloads.png': Buffer.from("not a PNG: the last build's card"),
	'_app/version.json': '{"version":"the last build"}\n',
	_headers: '/*\n  X-Content-Type-Options: nosniff\n'
};

/** Writes LAST_BUILD into `build` and its completeness marker, last, as scripts/build.ts does. */
function writeLastBuild(build: string, data: string): void {
	for (const [path, bytes] of Object.entries(LAST_BUILD)) {
		mkdirSync(dirname(join(build, path)), { recursive: true });
		writeFileSync(join(build, path), bytes);
	}
	const files = hashBuildFiles(build);
	const at = new Date(Date.now() - 3_600_000).toISOString();
	const manifest: BuildManifest = {
		startedAt: at,
		builtAt: at,
		dataDigest: dataDigest(data),
		fileCount: Object.keys(files).length,
		files
	};
	writeFileSync(join(build, MANIFEST_NAME), JSON.stringify(manifest, null, '\t') + '\n');
}

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
/** build/ before the interrupted build: the last complete build, hashed. */
let last: Tree = {};
/** The site's files (no `.gz`/`.br`) in build-next/ when the build was killed, mid-postbuild. */
let siteAtKill: string[] = [];
const site = (files: string[]) => files.filter((f) => !/\.(gz|br)$/.test(f) && f !== MANIFEST_NAME);
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
	cpSync(ONE_STEP_STORY, join(dir, STORY_FILE));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeLastBuild(join(dir, 'build'), join(dir, 'data'));
	last = hashTree(join(dir, 'build'));

	// An editor's change: one more sentence in the first note of downloads.csv.
	const csv = join(dir, 'data/downloads.csv');
	const table = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true });
	const first = table.data[0]!;
	first.note = `${first.note ?? ''} ${EDIT}`.trim();
	writeFileSync(csv, Papa.unparse(table.data, { newline: '\n' }) + '\n');
}, 60_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an interrupted npm run build', () => {
	const observed: Observation[] = [];
	const observe = (stage: Stage, how: Observation['how']) => {
		const now = existsSync(folders().dir) ? hashTree(folders().dir) : undefined;
		observed.push({
			stage: stage.name,
			how,
			nextFiles: countFiles(folders().next),
			nextComplete: existsSync(join(folders().next, MANIFEST_NAME)),
			unchanged: JSON.stringify(now) === JSON.stringify(last)
		});
		if (how === 'killed' && stage === STAGES.at(-1))
			siteAtKill = site(Object.keys(hashTree(folders().next)));
	};

	it('leaves build/ exactly the last complete build, at every stage', async () => {
		expect(verifyBuild(folders().dir).ok, 'build/ holds a complete build').toBe(true);
		try {
			if (!EVERY_KILL) {
				await interruptedBuild(STAGES.slice(0, -1), STAGES.at(-1)!, observe);
			} else {
				for (const [index, stage] of STAGES.entries()) {
					// A killed run's output would look like this run's progress.
					rmSync(join(dir, '.svelte-kit/output'), { recursive: true, force: true });
					await interruptedBuild(STAGES.slice(0, index), stage, observe);
				}
			}
		} finally {
			// Also when a run failed: a build that touched build/ may never reach the later stages.
			console.log(
				observed
					.map(
						(o) =>
							`${o.how} ${o.stage}: build-next/ had ${o.nextFiles} files; ` +
							`build/ ${o.unchanged ? 'unchanged' : 'CHANGED'}`
					)
					.join('\n')
			);
		}
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
			expect(hashTree(folders().old)).toEqual(last);
			expect(verifyBuild(folders().next).ok).toBe(true);
			expect(restoreInterruptedSwap(folders())).toMatch(/from build-next\//);
			expect(verifyBuild(folders().dir).ok).toBe(true);
			console.log(`killed ${SWAP.name}: build/ absent; build-old/ = the last build; restored`);
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

		// Every page and asset the killed build had written is there (hashed names may change), and
		// nothing of the last build is left: each of its paths is gone or holds new bytes.
		expect(siteAtKill, 'killed after the adapter wrote the site').toContain('_headers');
		const unhashed = (list: string[]) =>
			list.filter((f) => !f.startsWith('_app/immutable/')).sort();
		expect(unhashed(site(files))).toEqual(unhashed(siteAtKill));
		const immutable = (list: string[]) => list.filter((f) => f.startsWith('_app/immutable/'));
		expect(immutable(site(files)).length).toBe(immutable(siteAtKill).length);
		expect(Object.keys(last).filter((f) => now[f] === last[f])).toEqual([]);

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
