/**
 * `npm start`: serves the built site the way a static host would, with the headers we deploy
 * with. It serves only a complete build (one whose manifest, written last by scripts/build.ts,
 * matches its files), and runs `npm run build` first when there is none or the sources are newer.
 * When a build is published while it runs, it switches to the new one at the next request.
 *
 * Env: PORT (4173), HOST (0.0.0.0), BUILD_DIR (build), SKIP_BUILD_CHECK=1 to skip the sources'
 * dates (a build that is not complete is still refused).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import config from '../svelte.config.js';
import { buildState, runBuild } from './build-freshness.js';
import { collectHeaders, isServedFile } from './host-config.js';
import { MANIFEST_NAME } from './manifest.js';
import { checkRequestPath } from './request-path.js';
import { headersFor, policyFromDirectives } from './security-headers.js';
import { buildFolders, restoreInterruptedSwap } from './staged-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const shownDir = `${relative(root, buildDir) || '.'}/`;
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST || '0.0.0.0';

// `npm run build` honours BUILD_DIR too (svelte.config.js), so a custom folder is refreshed alike.
const checkSources = !process.env.SKIP_BUILD_CHECK;

const restored = restoreInterruptedSwap(buildFolders(buildDir));
if (restored) console.log(restored);
const state = buildState(root, buildDir, checkSources);
if (!state.serve) {
	if (!checkSources) {
		console.error(`Not serving ${shownDir}: ${state.reason}. Run npm run build first.`);
		process.exit(1);
	}
	console.log(`Building before serving: ${state.reason}.`);
	const code = await runBuild(root);
	if (code !== 0) {
		console.error(`npm run build failed (exit ${code}); not serving ${shownDir}.`);
		process.exit(code);
	}
	const after = buildState(root, buildDir, false);
	if (!after.serve) {
		console.error(`Not serving ${shownDir}: ${after.reason}.`);
		process.exit(1);
	}
}

/** For files SvelteKit did not render (static/404.html) and for our own error answers. */
const fallbackPolicy = policyFromDirectives(config.kit?.csp?.directives ?? {});

const PLAIN = 'text/plain; charset=utf-8';

/** What one published build is served with; replaced as a whole when a new build is swapped in. */
interface Site {
	/** Identifies the manifest file read, so a swap is noticed with one stat per request. */
	id: string;
	/**
	 * Headers per file, from the same code that writes _headers and nginx.conf at build time: each
	 * page's CSP (with its own inline-script hashes) is read once, here, not on every request.
	 */
	headersByFile: Map<string, Record<string, string>>;
	notFound: { body: string; type: string };
	serveFile: ReturnType<typeof sirv>;
}

const manifestFile = join(buildDir, MANIFEST_NAME);

/** The manifest's inode and time: a swap replaces the file, so either changes. Empty mid-swap. */
function manifestId(): string {
	try {
		const stats = statSync(manifestFile);
		return `${stats.ino}:${stats.mtimeMs}`;
	} catch {
		return '';
	}
}

function loadSite(): Site {
	const id = manifestId();
	const notFoundFile = join(buildDir, '404.html');
	const notFound = existsSync(notFoundFile)
		? { body: readFileSync(notFoundFile, 'utf8'), type: 'text/html; charset=utf-8' }
		: { body: 'Not found', type: PLAIN };
	return {
		id,
		headersByFile: new Map(
			collectHeaders(buildDir, fallbackPolicy).map((entry) => [entry.file, entry.headers])
		),
		notFound,
		// sirv lists the folder and keeps each file's size once, so a new build needs a new sirv.
		serveFile: sirv(buildDir, {
			dev: false,
			etag: true,
			gzip: true,
			brotli: true,
			onNoMatch: (_req, res) => answer(res, 404, notFound.body, notFound.type)
		})
	};
}

let site = loadSite();

/**
 * The site to answer with: the one loaded, unless a new complete build has been published since.
 * Undefined in the microseconds between the swap's two renames, when there is no build at all.
 */
function currentSite(): Site | undefined {
	const id = manifestId();
	if (id === site.id) return site;
	if (!id || !buildState(root, buildDir, false).serve) return undefined;
	site = loadSite();
	console.log(`Serving the build just published in ${shownDir}.`);
	return site;
}

/** The file sirv will answer `pathname` with, tried in sirv's order; undefined for a 404. */
function fileFor(site: Site, pathname: string): string | undefined {
	const bare = pathname.replace(/\/$/, '');
	const candidates = [pathname, `${bare}.html`, `${bare}/index.html`];
	return candidates.find((file) => site.headersByFile.has(file));
}

function setAll(res: ServerResponse, headers: Record<string, string>): void {
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/**
 * Answers with an error page. Its headers are those of an ordinary page, never the requested
 * path's: a 404 under /_app/immutable/ must not be cached for a year.
 */
function answer(res: ServerResponse, status: number, body: string, type = PLAIN): void {
	setAll(res, headersFor('/', type, fallbackPolicy));
	res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/** Whether `/dir` names a folder page that a static host would redirect to `/dir/`. */
function isFolderPage(pathname: string): boolean {
	if (pathname.endsWith('/') || lookup(pathname)) return false;
	try {
		return statSync(join(buildDir, pathname, 'index.html')).isFile();
	} catch {
		return false;
	}
}

function handle(req: IncomingMessage, res: ServerResponse): void {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		return answer(res, 405, 'Method not allowed');
	}
	const site = currentSite();
	if (!site) {
		res.setHeader('Retry-After', '1');
		return answer(res, 503, 'A new build is being published; try again in a moment.');
	}
	const check = checkRequestPath(req.url);
	if (!check.ok) return answer(res, 400, `Bad request: ${check.reason}`);
	// _headers is for the host, and .gz/.br copies are served by content negotiation, not by name.
	if (!isServedFile(check.pathname.slice(check.pathname.lastIndexOf('/') + 1))) {
		return answer(res, 404, site.notFound.body, site.notFound.type);
	}

	// Static hosts redirect /embed/x to /embed/x/; without that, relative links on the page break.
	if (isFolderPage(check.pathname)) {
		const url = req.url ?? '/';
		const [path = '/'] = url.split('?', 1);
		// One leading slash only: `//evil.example/` in Location would leave the site.
		const location = `/${path.replace(/^\/+/, '')}/${url.slice(path.length)}`;
		res.writeHead(308, { Location: location, 'Cache-Control': 'no-cache' });
		return void res.end();
	}
	const file = fileFor(site, check.pathname);
	// Set here rather than in sirv's setHeaders, which it skips for 304 Not Modified answers.
	if (file) setAll(res, site.headersByFile.get(file)!);
	else return answer(res, 404, site.notFound.body, site.notFound.type);
	site.serveFile(req, res);
}

const server = createServer((req, res) => {
	try {
		handle(req, res);
	} catch (error) {
		console.error(`Error serving ${req.url}:`, error);
		if (!res.headersSent) answer(res, 500, 'Internal server error');
		else res.destroy();
	}
});

server.on('error', (error: NodeJS.ErrnoException) => {
	const hint = error.code === 'EADDRINUSE' ? ` Port ${port} is taken: set PORT to another.` : '';
	console.error(`Could not serve on ${host}:${port}: ${error.message}.${hint}`);
	process.exit(1);
});
server.listen(port, host, () => {
	// PORT=0 picks a free port; tests read the real one from this line.
	const { port: actual } = server.address() as AddressInfo;
	console.log(`Serving ${process.env.BUILD_DIR ?? 'build'}/ at http://localhost:${actual}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		// Keep-alive sockets would otherwise hold close() open until they time out.
		server.closeAllConnections();
	});
}
