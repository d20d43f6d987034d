import { paletteCss } from '../charts/shared/palette';

/**
 * The embed's fixed themes. The site's palette (palette.ts) switches on the reader's system preference
 * alone; an embed must also follow its host page, so each theme's custom properties are set again under
 * a `data-theme` the page carries: on `<main class="embed">` when the embed code fixed the theme (the
 * prerendered `/dark/` and `/light/` variants, no script needed), or on `<html>` when /embed.js told the
 * frame which theme its host paints (client/child.ts). The values are read from paletteCss itself, so
 * a colour added to the palette reaches the embed themes with no second list to update.
 */
function block(css: string, pattern: RegExp): string {
	const body = pattern.exec(css)?.[1];
	if (!body)
		throw new Error('palette.ts: paletteCss no longer has the :root blocks theme.ts reads');
	return body.replace(/color-scheme:[^;]*;?/, '');
}

export function themeCssFrom(css: string): string {
	const light = block(css, /^:root\{([^}]*)\}/);
	const dark = block(css, /prefers-color-scheme:\s*dark\)\s*\{:root\{([^}]*)\}/);
	// `:has()` lets the server-rendered <main> set the root's colours without a script.
	return (
		`:root[data-theme=light],:root:has(.embed[data-theme=light]){color-scheme:light;${light}}` +
		`:root[data-theme=dark],:root:has(.embed[data-theme=dark]){color-scheme:dark;${dark}}`
	);
}

/** Injected into each embed page's head, after the palette. */
export const themeCss = themeCssFrom(paletteCss);
