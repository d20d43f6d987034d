import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Debian's Chromium where installed (.ci/run installs it; Playwright's own browser downloads are not
 * reachable there), else undefined so Playwright uses what `npx playwright install chromium` put in place.
 * What readers run: benchmarks and screenshots use it.
 */
export const chromiumPath =
	process.env.CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/**
 * What the tests run: Debian's headless shell of the same Chromium (same version and engine, no browser
 * UI around it; what Playwright itself runs headless) when installed. It does the suite's work with
 * about 40 % less CPU than the full browser in headless mode, which on a 2-core machine is minutes.
 * CHROMIUM_PATH still picks the browser for everything.
 */
export const testChromiumPath =
	process.env.CHROMIUM_PATH ||
	(existsSync(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : chromiumPath);

/** Flags for every Chromium we start: tests, screenshots and benchmarks alike. */
export const CHROMIUM_ARGS = [
	// Containers and CI run as root, where Chromium refuses to start with its sandbox.
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	// Keep the browser from phoning home, which only adds noise and flakiness offline.
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
