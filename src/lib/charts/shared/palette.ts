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
	category: {
		attack: '#b3261e',
		leak: '#a35400',
		court: '#1f5fae',
		isp: '#00806b',
		politics: '#7a3fa0'
	},
	family: { cooperated: '#a35400', resisted: '#1f5fae', blocked: '#7a3fa0' }
};

export const dark: Palette = {
	background: '#14171c',
	ink: '#eceef1',
	muted: '#a9b1bd',
	grid: '#7b8490',
	highlight: '#ff8a7a',
	base: '#8fa3b8',
	category: {
		attack: '#ff8a7a',
		leak: '#f0a84a',
		court: '#7fb2f0',
		isp: '#4fd1b5',
		politics: '#d4a3f5'
	},
	family: { cooperated: '#f0a84a', resisted: '#7fb2f0', blocked: '#d4a3f5' }
};

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
	`:root{color-scheme:light dark;${variables(light)}}` +
	`@media (prefers-color-scheme:dark){:root{${variables(dark)}}}`;
