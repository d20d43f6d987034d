import type { HostTheme } from '../protocol';

/**
 * Which theme a host page paints behind one of our iframes, for /embed.js. In order: a `color-scheme`
 * the host set on the iframe itself (its explicit wish); else the first opaque background behind the
 * frame, light or dark by its luminance; else the canvas, which follows the root's `color-scheme`.
 * Reading computed styles only: the host's DOM is never changed.
 */
const scheme = (value: string, prefersDark: boolean): HostTheme => {
	const dark = /dark/.test(value);
	return dark && (!/light/.test(value) || prefersDark) ? 'dark' : 'light';
};

/** sRGB relative luminance (WCAG) of `rgb()`/`rgba()` text, or undefined when mostly transparent. */
export function luminance(color: string): number | undefined {
	const parts = /rgba?\(([^)]+)\)/
		.exec(color)?.[1]
		?.split(/[\s,/]+/)
		.filter(Boolean)
		.map(Number);
	if (!parts || parts.length < 3 || (parts[3] ?? 1) < 0.5) return undefined;
	const [r, g, b] = parts.map((c) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function hostTheme(iframe: HTMLIFrameElement, prefersDark: boolean): HostTheme {
	const style = (el: Element) => getComputedStyle(el);
	const own = style(iframe).colorScheme;
	if (iframe.parentElement && own !== style(iframe.parentElement).colorScheme)
		return scheme(own, prefersDark);
	for (let el = iframe.parentElement; el; el = el.parentElement) {
		const l = luminance(style(el).backgroundColor);
		// 0.18 is where white and black text give equal contrast: darker needs light text.
		if (l !== undefined) return l < 0.18 ? 'dark' : 'light';
	}
	return scheme(style(document.documentElement).colorScheme, prefersDark);
}
