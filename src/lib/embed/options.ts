/**
 * Display options a host sets in the embed code. Each option set has its own prerendered address, one
 * path segment after the chart (or step): `/embed/downloads/dark/`, `/embed/timeline/4/plain-transparent/`.
 * A path, not a query, because options must hold where no script runs in the frame, and a static host
 * can't read a query; WordPress also appends `#?secret=…` to the URL, which rules out the fragment.
 * Pure: the routes, the gallery and the unit tests share it.
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedOptions {
	/** `auto` follows the host page (see README, "Embed contract"); `light`/`dark` are fixed. */
	theme: Theme;
	/** Without our title and description: the host writes its own (they stay for screen readers). */
	plain: boolean;
	/** No background of our own: the host's page shows through. */
	transparent: boolean;
}

export const DEFAULT_OPTIONS: EmbedOptions = { theme: 'auto', plain: false, transparent: false };

/** The path segment of an option set, '' for the defaults; the order is fixed so each set has one URL. */
export function optionsSegment(options: EmbedOptions): string {
	return [
		options.theme === 'auto' ? '' : options.theme,
		options.plain ? 'plain' : '',
		options.transparent ? 'transparent' : ''
	]
		.filter(Boolean)
		.join('-');
}

/** Every option set but the defaults: the variants prerendered for each chart and step. */
export function allOptions(): EmbedOptions[] {
	return THEMES.flatMap((theme) =>
		[false, true].flatMap((plain) =>
			[false, true].map((transparent) => ({ theme, plain, transparent }))
		)
	).filter((options) => optionsSegment(options) !== '');
}

/** The option set a path segment names, or undefined when it names none (then it is no option URL). */
export function parseOptions(segment: string): EmbedOptions | undefined {
	return allOptions().find((options) => optionsSegment(options) === segment);
}
