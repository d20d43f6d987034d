/**
 * `npm run build`: builds the site where nobody reads it, and publishes it only once it is whole.
 *
 * 1. Clean up after an interrupted run (scripts/staged-build.ts): a complete build stranded between
 *    the swap's two renames is put back; partial folders are deleted, never served.
 * 2. `vite build` into `<BUILD_DIR>-next/`: the data gate (scripts/vite/data-gate.ts) refuses bad
 *    data before anything is written, then SvelteKit prerenders and the adapter writes the site.
 * 3. Postbuild (scripts/postbuild.ts): `_headers`, then `.gz` and `.br` copies.
 * 4. The completeness marker (scripts/manifest.ts), written last.
 * 5. The swap: `<BUILD_DIR>-next/` becomes `<BUILD_DIR>/` by renames only, then `deploy/nginx.conf`
 *    is replaced by a rename too. Until the swap `<BUILD_DIR>/` is exactly the previous complete
 *    build, whether this process finishes, fails, or is killed.
 *
 * Env: BUILD_DIR (build), SVELTEKIT_OUT_DIR (.svelte-kit), DEPLOY_DIR (deploy), and everything
 * svelte.config.js reads. BUILD_PAUSE_AT=precompress|swap is a test hook: the build prints
 * `build: paused at <point>` and blocks there until it is killed (scripts/atomic-build.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDigest, hashBuildFiles, MANIFEST_NAME, type BuildManifest } from './manifest.js';
import { buildFolders, promote, removeLeftovers, restoreInterruptedSwap } from './staged-build.js';
import { postbuild, PostbuildError } from './postbuild.js';
import { writeFileAtomic } from './write-atomic.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const deployDir = resolve(root, process.env.DEPLOY_DIR ?? 'deploy');
const folders = buildFolders(buildDir);
const shown = (path: string) => relative(root, path) || '.';

/** The test hook: announce the point, then block the whole process until it is killed. */
function pauseAt(point: 'precompress' | 'swap'): void {
	if (process.env.BUILD_PAUSE_AT !== point) return;
	console.log(`build: paused at ${point} (BUILD_PAUSE_AT); waiting to be killed.`);
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

function fail(message: string, code = 1): never {
	rmSync(folders.next, { recursive: true, force: true });
	console.error(message);
	process.exit(code);
}

/** Runs `vite build` with the adapter pointed at `outDir`; resolves to its exit code. */
function viteBuild(outDir: string): Promise<number> {
	const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
	const vite = join(dirname(vitePackage), 'bin/vite.js');
	return new Promise((done) => {
		const child = spawn(process.execPath, [vite, 'build'], {
			cwd: root,
			stdio: 'inherit',
			env: {
				...process.env,
				// svelte.config.js hands BUILD_DIR to the adapter.
				BUILD_DIR: relative(root, outDir) || outDir,
				VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
			}
		});
		child.on('error', () => done(1));
		child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
	});
}

const started = Date.now();
const restored = restoreInterruptedSwap(folders);
if (restored) console.log(restored);
for (const line of removeLeftovers(folders)) console.log(line);
const unchanged = existsSync(buildDir)
	? `${shown(buildDir)}/ still holds the last complete build`
	: `${shown(buildDir)}/ was not created`;

// Ctrl-C reaches Vite too (same process group); what is left is the unpublished folder. The swap
// is synchronous, so this never runs in the middle of it.
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143]
] as const) {
	process.on(signal, () => fail(`\nBuild interrupted; ${unchanged}.`, code));
}

// Taken before Vite reads a source, so a file saved during the build counts as newer than it.
const startedAt = new Date(started).toISOString();
const data = dataDigest(join(root, 'data'));

const viteCode = await viteBuild(folders.next);
if (viteCode !== 0) fail(`Build failed (vite build exited with ${viteCode}); ${unchanged}.`);

let result;
try {
	let paused = false;
	result = await postbuild(folders.next, {
		afterFile: (done, total) => {
			if (paused || done < total / 2) return;
			paused = true;
			pauseAt('precompress');
		}
	});
} catch (error) {
	if (!(error instanceof PostbuildError)) throw error;
	fail(`${error.message} ${unchanged}.`);
}

const files = hashBuildFiles(folders.next);
const manifest: BuildManifest = {
	startedAt,
	builtAt: new Date().toISOString(),
	dataDigest: data,
	fileCount: Object.keys(files).length,
	files
};
// Last file written: its presence is what makes the folder a complete build.
writeFileSync(join(folders.next, MANIFEST_NAME), JSON.stringify(manifest, null, '\t') + '\n');

promote(folders, () => pauseAt('swap'));
writeFileAtomic(join(deployDir, 'nginx.conf'), result.nginxConf);

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const { compressed } = result;
console.log(
	`postbuild: ${result.headerRules} header rules in ${shown(buildDir)}/_headers and ` +
		`${shown(deployDir)}/nginx.conf; precompressed ${compressed.files} files: ` +
		`${kib(compressed.bytes)} → ${kib(compressed.gzipBytes)} gzip, ${kib(compressed.brotliBytes)} brotli.`
);
console.log(
	`build: published ${shown(buildDir)}/ (${manifest.fileCount} files, data sha256 ` +
		`${data.slice(0, 12)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
);
