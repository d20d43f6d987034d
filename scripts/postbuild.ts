/**
 * The build's last steps before its completeness marker (scripts/build.ts runs them on the
 * unpublished folder, after `vite build`): `_headers` for the build's exact pages, then a `.gz` and
 * `.br` copy of every text file. The nginx config is returned rather than written, because it lives
 * outside the build folder and must only change once the build it describes is published.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../svelte.config.js';
import { collectHeaders, headerRules, netlifyHeaders, nginxConf } from './host-config.js';
import { precompress, type Compressed, type PrecompressOptions } from './precompress.js';
import { policyFromDirectives } from './security-headers.js';

export interface PostbuildResult {
	headerRules: number;
	nginxConf: string;
	compressed: Compressed;
}

/** Cloudflare Pages ignores a _headers file with more than 100 rules. */
const MAX_RULES = 100;

export class PostbuildError extends Error {}

export async function postbuild(
	buildDir: string,
	options: PrecompressOptions = {}
): Promise<PostbuildResult> {
	const fallbackPolicy = policyFromDirectives(config.kit?.csp?.directives ?? {});
	const entries = collectHeaders(buildDir, fallbackPolicy);
	const rules = headerRules(entries);
	if (rules.length > MAX_RULES) {
		throw new PostbuildError(
			`_headers would have ${rules.length} rules, over Cloudflare Pages' limit of ${MAX_RULES}.`
		);
	}
	writeFileSync(join(buildDir, '_headers'), netlifyHeaders(entries));
	const compressed = await precompress(buildDir, options);
	return { headerRules: rules.length, nginxConf: nginxConf(entries), compressed };
}
