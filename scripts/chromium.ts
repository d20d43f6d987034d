import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where installed (.ci/run installs it; Playwright's own browser downloads are not
 * reachable there), else undefined so Playwright uses what `npx playwright install chromium` put in place.
 */
export const chromiumPath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

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
