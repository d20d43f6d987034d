import type { Action } from '../../schema/isp-actions';
import type { Category } from '../../schema/timeline';

/**
 * Every colour the charts use, for light and dark pages. The CSS custom properties are generated from
 * this file (see paletteCss) and a unit test checks contrast and colour-blind separation with culori,
 * so a colour can't be changed in one place and forgotten in the other.
 */
export interface Palette {
	background: string;
	ink: string;
	muted: string;
	grid: string;
	highlight: string;
	base: string;
	category: Record<Category, string>;
	family: Record<ActionFamily, string>;
}

export type ActionFamily = 'cooperated' | 'resisted' | 'blocked';

export const ACTION_FAMILY: Record<Action, ActionFamily> = {
	'disclosed-subscribers': 'cooperated',
	'agreed-to-disclose': 'cooperated',
	'suspended-disclosures': 'resisted',
	'refused-disclosure': 'resisted',
	'sought-suspension': 'resisted',
	'deleted-records': 'resisted',
	'blocked-sites': 'blocked'
};

export const light: Palette = {
	background: '#ffffff',
	ink: '#1b1e23',
	muted: '#5a6270',
	grid: '#8a929e',
	highlight: '#b3261e',
	base: '#5d7187',
	// Chosen so that no two stay closer than MIN_DELTA_E under protanopia, deuteranopia or tritanopia
	// (see palette.test.ts); lightness differs as well as hue, because lightness survives all three.
	category: {
		attack: '#d8151e',
		leak: '#a35400',
		court: '#2d5da0',
		isp: '#00806b',
		politics: '#7f009c'
	},
	family: { cooperated: '#a35400', resisted: '#2d5da0', blocked: '#7f009c' }
};

export const dark: Palette = {
	background: '#14171c',
	ink: '#eceef1',
	muted: '#a9b1bd',
	grid: '#7b8490',
	highlight: '#ff8a7a',
	base: '#8fa3b8',
	category: {
		attack: '#ff7f73',
		leak: '#ffc579',
		court: '#7197b4',
		isp: '#4fd1b5',
		politics: '#d4a3f5'
	},
	family: { cooperated: '#ffc579', resisted: '#7197b4', blocked: '#d4a3f5' }
};

/**
 * Opacity of marks the state puts in the background (`is-dim`, `is-later`). Not lower: a dimmed mark
 * still has to reach 3:1 against the background (WCAG 1.4.11), which palette.test.ts checks per colour.
 */
export const DIM_OPACITY = 0.75;

function variables(palette: Palette): string {
	const entries: [string, string][] = [
		['bg', palette.background],
		['ink', palette.ink],
		['muted', palette.muted],
		['grid', palette.grid],
		['highlight', palette.highlight],
		['base', palette.base],
		...Object.entries(palette.category).map(([key, value]): [string, string] => [
			`cat-${key}`,
			value
		]),
		...Object.entries(palette.family).map(([key, value]): [string, string] => [`fam-${key}`, value])
	];
	return entries.map(([name, value]) => `--${name}:${value}`).join(';');
}

/** The palette as CSS custom properties, dark mode included; injected once per page. */
export const paletteCss =
	`:root{color-scheme:light dark;--dim:${DIM_OPACITY};${variables(light)}}` +
	`@media (prefers-color-scheme:dark){:root{${variables(dark)}}}`;
