import { describe, expect, it } from 'vitest';
import { dark, light, paletteCss } from '../charts/shared/palette';
import { themeCssFrom } from './theme';

describe('embed themes', () => {
	const css = themeCssFrom(paletteCss);
	const block = (theme: string) =>
		new RegExp(`:root\\[data-theme=${theme}\\],[^{]*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';

	it("fix each theme to the palette's own colours, whatever the system preference", () => {
		expect(block('light')).toContain(`--bg:${light.background}`);
		expect(block('light')).toContain(`--ink:${light.ink}`);
		expect(block('light')).toMatch(/^color-scheme:light;/);
		expect(block('dark')).toContain(`--bg:${dark.background}`);
		expect(block('dark')).toContain(`--highlight:${dark.highlight}`);
		expect(block('dark')).toMatch(/^color-scheme:dark;/);
	});

	it('apply with no script through the embed element, and by /embed.js through <html>', () => {
		expect(css).toContain(':root:has(.embed[data-theme=dark])');
		expect(css).toContain(':root[data-theme=dark]');
	});

	it('say which file to look at when the palette changes shape', () => {
		expect(() => themeCssFrom('body{}')).toThrow(/palette\.ts: paletteCss/);
	});
});
