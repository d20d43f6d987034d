/**
 * Where the site is published, from build-time configuration: `PUBLIC_SITE_URL` (origin, e.g.
 * https://graphics.example.org) and `BASE_PATH` (sub-path, e.g. /piracy, also SvelteKit's paths.base).
 * With neither set, URLs are root-relative and the build works from the root of any host.
 */
export interface Site {
	/** Origin without a trailing slash, or '' when unset. */
	origin: string;
	/** SvelteKit's paths.base: '' or '/sub/path'. */
	base: string;
}

/**
 * Reads PUBLIC_SITE_URL while prerendering. Only server-rendered code calls this (every page is
 * prerendered with csr = false), so `process` is Node's; the guard keeps a client bundle harmless.
 */
export function siteOrigin(env = globalThis.process?.env ?? {}): string {
	const raw = (env.PUBLIC_SITE_URL ?? '').trim();
	if (!raw) return '';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(
			`PUBLIC_SITE_URL is "${raw}", which is not a URL; set it to the published origin, e.g. https://graphics.example.org`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`PUBLIC_SITE_URL must start with https:// (got "${raw}").`);
	return (url.origin + url.pathname).replace(/\/+$/, '');
}

/**
 * The public URL of a path on the site (`/embed/downloads/`): absolute when the origin is known,
 * root-relative otherwise. og:image and oEmbed need absolute URLs, which is why the origin is config.
 * An origin that already ends with the base path (a common way to write it) isn't doubled.
 */
export function publicUrl(path: string, site: Site): string {
	const origin =
		site.base && site.origin.endsWith(site.base)
			? site.origin.slice(0, -site.base.length)
			: site.origin;
	return `${origin}${site.base}${path}`;
}
