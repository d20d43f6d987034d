import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, testChromiumPath } from './scripts/chromium';

const CI = Boolean(process.env.CI);
// Parallel work on one machine: each run can serve its own build (BUILD_DIR) on its own port.
const PORT = Number(process.env.E2E_PORT ?? 4173);
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
