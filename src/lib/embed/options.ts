/**
 * Display options a host sets in the embed code, in the frame's query: `?theme=dark&plain&transparent`.
 * The embed page's script (client/child.ts) applies them. A chart's fixed theme must also hold where no
 * script runs in the frame, so it has a prerendered address too: `/embed/downloads/dark/`. (Not every
 * combination for every step: each prerendered page costs a header rule, and static hosts cap those;
 * see README, "Embed contract".) WordPress appends `#?secret=…` to the URL, which rules out the fragment.
 * Pure: the routes, the child script, the gallery and the unit tests share it.
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

/** The option sets with a prerendered page per chart: the two fixed themes. */
export const PRERENDERED_OPTIONS = ['light', 'dark'];

/** Options from an embed URL's query; anything unknown is ignored, so the defaults stand. */
export function queryOptions(params: URLSearchParams): Partial<EmbedOptions> {
	const theme = params.get('theme') as Theme | null;
	const flag = (name: string) => params.has(name) && !/^(0|false|no)$/i.test(params.get(name)!);
	return {
		...(theme && (THEMES as readonly string[]).includes(theme) ? { theme } : {}),
		...(flag('plain') ? { plain: true } : {}),
		...(flag('transparent') ? { transparent: true } : {})
	};
}

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
