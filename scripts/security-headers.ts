/**
 * Response headers for the built site, by path and content type: the one source for `npm start`,
 * the `_headers` file for Netlify/Cloudflare Pages and the nginx config (scripts/host-config.ts).
 * Pure, so every rule is tested here once.
 */

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** SvelteKit puts a content hash in every file name under /_app/immutable/, so they never change. */
function isImmutable(pathname: string): boolean {
	return pathname.startsWith('/_app/immutable/');
}

/**
 * Embeds are the pages newsrooms put in their own iframes; the /embed/ gallery itself is not
 * one, so it stays unframeable like the rest of the site.
 */
export function isEmbedPage(pathname: string): boolean {
	return /^\/embed\/[^/]+/.test(pathname);
}

export function isHtml(contentType: string): boolean {
	return contentType.toLowerCase().startsWith('text/html');
}

/**
 * Headers for one response. `pagePolicy` is the page's own Content Security Policy (the one
 * SvelteKit writes into its `<meta http-equiv>`, with the hashes of that page's inline scripts):
 * sent as a header too, with `frame-ancestors` added, which a `<meta>` policy cannot carry.
 *
 * The framing, referrer and policy headers go on every response, not only pages: they cost a file
 * nothing, and a folder's files then agree, so a host config needs one rule per folder, not one per
 * page (a story with 150 steps would otherwise pass Cloudflare's 100-rule limit).
 */
export function headersFor(
	pathname: string,
	contentType: string,
	pagePolicy?: string
): Record<string, string> {
	const headers: Record<string, string> = {
		'Cache-Control': isImmutable(pathname) ? IMMUTABLE : 'no-cache',
		'X-Content-Type-Options': 'nosniff'
	};
	headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
	// X-Frame-Options has no "anyone" value: embeds must omit it entirely or old browsers refuse
	// the iframe.
	const embed = isEmbedPage(pathname);
	if (!embed) headers['X-Frame-Options'] = 'SAMEORIGIN';
	const frameAncestors = embed ? 'frame-ancestors *' : "frame-ancestors 'self'";
	const policy = pagePolicy && canonicalPolicy(pagePolicy);
	headers['Content-Security-Policy'] = policy ? `${policy}; ${frameAncestors}` : frameAncestors;
	return headers;
}

/**
 * A policy with its directives in one order (by name), so two policies that say the same thing are
 * the same string: SvelteKit's `<meta>` and svelte.config.js list them in different orders.
 */
export function canonicalPolicy(policy: string): string {
	return policy
		.split(';')
		.map((directive) => directive.trim().replace(/\s+/g, ' '))
		.filter(Boolean)
		.sort((a, b) => a.split(' ')[0]!.localeCompare(b.split(' ')[0]!))
		.join('; ');
}

const QUOTED = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval'
]);

/**
 * Writes `kit.csp.directives` (svelte.config.js) as a policy string, quoting keywords the way
 * SvelteKit does. Used for files SvelteKit did not render, such as static/404.html.
 */
export function policyFromDirectives(directives: object): string {
	return Object.entries(directives)
		.filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
		.map(([name, values]) =>
			[
				name,
				...values.map((v) => (QUOTED.has(v) || /^(nonce|sha(256|384|512))-/.test(v) ? `'${v}'` : v))
			].join(' ')
		)
		.join('; ');
}

const META = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content="([^"]*)"/i;

/** The policy a prerendered page carries in its `<meta http-equiv="content-security-policy">`. */
export function policyFromMeta(html: string): string | undefined {
	const content = META.exec(html)?.[1];
	return content?.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}
