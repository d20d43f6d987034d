import { createHash } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, testChromiumPath } from './scripts/chromium';

const CI = Boolean(process.env.CI);
/**
 * The port the build under test is served on: E2E_PORT, else one of 4200–4699 picked by this checkout's
 * folder, so two checkouts on one machine (a CI job beside a developer's run) can test at once, and a
 * reader's `npm start` on 4173 is never taken for the build under test.
 */
const CHECKOUT_PORT =
	4200 +
	(createHash('sha256')
		.update(import.meta.dirname)
		.digest()
		.readUInt16BE(0) %
		500);
const PORT = Number(process.env.E2E_PORT ?? CHECKOUT_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const launchOptions = { executablePath: testChromiumPath, args: CHROMIUM_ARGS };

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: 2,
	// Tests, not files, are shared out: with files, the longest file set the run's length on one worker.
	fullyParallel: true,
	retries: CI ? 1 : 0,
	forbidOnly: CI,
	reporter: 'list',
	// Starts the build of the data-swap specs' edited copy in the background, so no test sits through it.
	globalSetup: './tests/e2e/support/edited-builds.setup.ts',
	use: {
		baseURL: BASE_URL,
		timezoneId: 'UTC',
		launchOptions
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], launchOptions }
		}
	],
	webServer: {
		command: 'npx tsx scripts/serve.ts',
		// npm test builds just before this; a freshness rebuild here would race the test run.
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			SKIP_BUILD_CHECK: '1',
			BUILD_DIR: process.env.BUILD_DIR ?? 'build'
		},
		url: BASE_URL,
		reuseExistingServer: !CI,
		stdout: 'pipe'
	}
});
