/**
 * `npm start`: serves the built site the way a static host would, with the headers we deploy
 * with, rebuilding first if the sources are newer than build/.
 *
 * Env: PORT (4173), HOST (0.0.0.0), BUILD_DIR (build), SKIP_BUILD_CHECK=1 to serve build/ as is.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import config from '../svelte.config.js';
import { isBuildStale, runBuild } from './build-freshness.js';
import { collectHeaders, isServedFile } from './host-config.js';
import { checkRequestPath } from './request-path.js';
import { headersFor, policyFromDirectives } from './security-headers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST || '0.0.0.0';

// `npm run build` honours BUILD_DIR too (svelte.config.js), so a custom folder is refreshed alike.
const checkFreshness = !process.env.SKIP_BUILD_CHECK;

if (checkFreshness && isBuildStale(root, buildDir)) {
	console.log(`${buildDir} is missing or older than the sources; running npm run build first.`);
	const code = await runBuild(root);
	if (code !== 0) {
		console.error(`npm run build failed (exit ${code}); not serving a stale build/.`);
		process.exit(code);
	}
}
if (!existsSync(join(buildDir, 'index.html'))) {
	console.error(`${buildDir}/index.html not found: run npm run build first.`);
	process.exit(1);
}

/** For files SvelteKit did not render (static/404.html) and for our own error answers. */
const fallbackPolicy = policyFromDirectives(config.kit?.csp?.directives ?? {});

/**
 * Headers per file, from the same code that writes _headers and nginx.conf at build time: each
 * page's CSP (with its own inline-script hashes) is read once, here, not on every request.
 */
const headersByFile = new Map(
	collectHeaders(buildDir, fallbackPolicy).map((entry) => [entry.file, entry.headers])
);

/** The file sirv will answer `pathname` with, tried in sirv's order; undefined for a 404. */
function fileFor(pathname: string): string | undefined {
	const bare = pathname.replace(/\/$/, '');
	return [pathname, `${bare}.html`, `${bare}/index.html`].find((file) => headersByFile.has(file));
}

function setAll(res: ServerResponse, headers: Record<string, string>): void {
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

const PLAIN = 'text/plain; charset=utf-8';

/**
 * Answers with an error page. Its headers are those of an ordinary page, never the requested
 * path's: a 404 under /_app/immutable/ must not be cached for a year.
 */
function answer(res: ServerResponse, status: number, body: string, type = PLAIN): void {
	setAll(res, headersFor('/', type, fallbackPolicy));
	res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

const notFoundFile = join(buildDir, '404.html');
const notFound = existsSync(notFoundFile)
	? { body: readFileSync(notFoundFile, 'utf8'), type: 'text/html; charset=utf-8' }
	: { body: 'Not found', type: PLAIN };

const serveFile = sirv(buildDir, {
	dev: false,
	etag: true,
	gzip: true,
	brotli: true,
	onNoMatch: (_req, res) => answer(res, 404, notFound.body, notFound.type)
});

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
	const check = checkRequestPath(req.url);
	if (!check.ok) return answer(res, 400, `Bad request: ${check.reason}`);
	// _headers is for the host, and .gz/.br copies are served by content negotiation, not by name.
	if (!isServedFile(check.pathname.slice(check.pathname.lastIndexOf('/') + 1))) {
		return answer(res, 404, notFound.body, notFound.type);
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
	const file = fileFor(check.pathname);
	// Set here rather than in sirv's setHeaders, which it skips for 304 Not Modified answers.
	if (file) setAll(res, headersByFile.get(file)!);
	else return answer(res, 404, notFound.body, notFound.type);
	serveFile(req, res);
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
