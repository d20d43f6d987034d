/**
 * Runs after `vite build` (see `npm run build`): writes the host configs for the build's exact
 * pages, then precompresses it. Honours BUILD_DIR like svelte.config.js does; DEPLOY_DIR (default
 * deploy/) is where the nginx config goes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../svelte.config.js';
import { collectHeaders, headerRules, netlifyHeaders, nginxConf } from './host-config.js';
import { precompress } from './precompress.js';
import { policyFromDirectives } from './security-headers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const deployDir = resolve(root, process.env.DEPLOY_DIR ?? 'deploy');

if (!existsSync(join(buildDir, 'index.html'))) {
	console.error(`${buildDir}/index.html not found: run vite build first.`);
	process.exit(1);
}

const fallbackPolicy = policyFromDirectives(config.kit?.csp?.directives ?? {});
const entries = collectHeaders(buildDir, fallbackPolicy);
const rules = headerRules(entries);
// Cloudflare Pages ignores a _headers file with more than 100 rules.
if (rules.length > 100) {
	console.error(`_headers would have ${rules.length} rules, over Cloudflare Pages' limit of 100.`);
	process.exit(1);
}
writeFileSync(join(buildDir, '_headers'), netlifyHeaders(entries));
mkdirSync(deployDir, { recursive: true });
writeFileSync(join(deployDir, 'nginx.conf'), nginxConf(entries));

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const totals = precompress(buildDir);
console.log(
	`postbuild: ${rules.length} header rules in ${relative(root, buildDir)}/_headers and ` +
		`${relative(root, deployDir)}/nginx.conf; precompressed ${totals.files} files: ` +
		`${kib(totals.bytes)} → ${kib(totals.gzipBytes)} gzip, ${kib(totals.brotliBytes)} brotli.`
);
