/**
 * Response headers for the built site, by path and content type. Pure, so the same rules can be
 * written into a static host's config (Netlify `_headers`, S3 metadata) and tested here.
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

export function headersFor(pathname: string, contentType: string): Record<string, string> {
	const headers: Record<string, string> = {
		'Cache-Control': isImmutable(pathname) ? IMMUTABLE : 'no-cache',
		'X-Content-Type-Options': 'nosniff'
	};
	if (!contentType.toLowerCase().startsWith('text/html')) return headers;

	headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
	// frame-ancestors is ignored in a <meta> CSP, so it has to be a header. X-Frame-Options has no
	// "anyone" value: embeds must omit it entirely or old browsers refuse the iframe.
	if (isEmbedPage(pathname)) {
		headers['Content-Security-Policy'] = 'frame-ancestors *';
	} else {
		headers['X-Frame-Options'] = 'SAMEORIGIN';
		headers['Content-Security-Policy'] = "frame-ancestors 'self'";
	}
	return headers;
}
