import {
	converter,
	differenceCiede2000,
	filterDeficiencyDeuter,
	filterDeficiencyProt,
	filterDeficiencyTrit,
	interpolate,
	wcagContrast,
	type Color
} from 'culori';
import { describe, expect, it } from 'vitest';
import { dark, DIM_OPACITY, light, paletteCss, type Palette } from './palette';

/**
 * The smallest CIEDE2000 difference two colours of one chart may have, with normal vision and under each
 * full dichromacy. ΔE00 ≈ 2.3 is one just-noticeable difference for large patches of colour; the marks here
 * are 10–14 px symbols, and small marks need several times that to be told apart at a glance (Szafir,
 * "Modeling Color Difference for Visualization Design", 2017), so 10 — about four JNDs — is the floor.
 * Shapes and lanes carry the same meaning, so colour is never the only cue.
 */
const MIN_DELTA_E = 10;
/** WCAG 1.4.11 (marks, focus ring) and 1.4.3 (text). */
const NON_TEXT = 3;
const TEXT = 4.5;

const deltaE = differenceCiede2000();
const rgb = converter('rgb');
/** Parses one of our hex colours; a typo in palette.ts fails here rather than comparing garbage. */
const toRgb = (hex: string): Color => {
	const colour = rgb(hex);
	if (!colour) throw new Error(`${hex} is not a colour`);
	return colour;
};
const VISION: [string, (colour: Color) => Color][] = [
	['normal vision', (colour) => colour],
	['protanopia', filterDeficiencyProt(1)],
	['deuteranopia', filterDeficiencyDeuter(1)],
	['tritanopia', filterDeficiencyTrit(1)]
];

/** The colour a mark at `opacity` shows over the page background. */
const over = (palette: Palette, colour: string, opacity: number) =>
	interpolate([palette.background, colour])(opacity);

/** Sets of colours that appear side by side in one chart and must stay apart. */
const groups = (palette: Palette): [string, Record<string, string>][] => [
	['timeline categories', palette.category],
	['provider action families', palette.family],
	['download bars (plain and highlighted)', { base: palette.base, highlight: palette.highlight }]
];

/** Every colour drawn as a mark: shapes, bars, open-ended arrows, span edges. */
const marks = (palette: Palette): [string, string][] => [
	['base', palette.base],
	['highlight', palette.highlight],
	...Object.entries(palette.category).map(([key, value]): [string, string] => [
		`cat-${key}`,
		value
	]),
	...Object.entries(palette.family).map(([key, value]): [string, string] => [`fam-${key}`, value])
];

describe.each([
	['light', light],
	['dark', dark]
])('the %s palette', (_name, palette) => {
	it.each([
		['ink', palette.ink],
		['muted', palette.muted],
		['highlight', palette.highlight]
	])('%s text reaches 4.5:1 on the background', (_key, colour) => {
		expect(wcagContrast(colour, palette.background)).toBeGreaterThanOrEqual(TEXT);
	});

	it.each([
		['base', palette.base],
		['highlight', palette.highlight]
	])('value labels inside %s bars reach 4.5:1', (_key, bar) => {
		expect(wcagContrast(palette.background, bar)).toBeGreaterThanOrEqual(TEXT);
	});

	it.each(marks(palette))(
		'mark colour %s reaches 3:1, and still does when dimmed',
		(_key, colour) => {
			expect(wcagContrast(colour, palette.background)).toBeGreaterThanOrEqual(NON_TEXT);
			expect(
				wcagContrast(over(palette, colour, DIM_OPACITY), palette.background)
			).toBeGreaterThanOrEqual(NON_TEXT);
		}
	);

	it('greyed-out later events and the axis baseline reach 3:1', () => {
		expect(
			wcagContrast(over(palette, palette.muted, DIM_OPACITY), palette.background)
		).toBeGreaterThanOrEqual(NON_TEXT);
		expect(wcagContrast(palette.grid, palette.background)).toBeGreaterThanOrEqual(NON_TEXT);
	});

	for (const [group, colours] of groups(palette)) {
		it.each(VISION)(`${group} stay ≥ ${MIN_DELTA_E} ΔE00 apart with %s`, (_vision, simulate) => {
			const entries = Object.entries(colours);
			const tooClose: string[] = [];
			for (let i = 0; i < entries.length; i++) {
				for (let j = i + 1; j < entries.length; j++) {
					const [a, colourA] = entries[i]!;
					const [b, colourB] = entries[j]!;
					const difference = deltaE(simulate(toRgb(colourA)), simulate(toRgb(colourB)));
					if (difference < MIN_DELTA_E) tooClose.push(`${a}/${b}: ${difference.toFixed(1)}`);
				}
			}
			expect(tooClose).toEqual([]);
		});
	}
});

describe('paletteCss', () => {
	it('declares every light colour, the dim opacity, and the dark palette under prefers-color-scheme', () => {
		expect(paletteCss).toContain(`--dim:${DIM_OPACITY}`);
		expect(paletteCss).toContain(`--cat-court:${light.category.court}`);
		const darkBlock = paletteCss.slice(paletteCss.indexOf('@media (prefers-color-scheme:dark)'));
		expect(darkBlock).toContain(`--bg:${dark.background}`);
		expect(darkBlock).toContain(`--fam-blocked:${dark.family.blocked}`);
	});
});
