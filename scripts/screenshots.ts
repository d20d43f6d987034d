/**
 * `npx tsx scripts/screenshots.ts`: a screenshot of every story step, on a phone and a laptop, light and
 * dark, for checking by eye (is the step's subject on screen and labelled, does anything overlap, is the
 * chart the biggest thing?). Not a test: it serves ./build (or BUILD_DIR) itself on PORT (default 4206)
 * and writes test-results/screenshots/<scheme>-<width>x<height>-step-<n>.png, which git ignores.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

const PORT = Number(process.env.PORT ?? 4206);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = 'test-results/screenshots';
const VIEWPORTS = [
	{ width: 375, height: 667 },
	{ width: 1440, height: 900 }
];

async function waitForServer(url: string) {
	for (let tries = 0; tries < 100; tries++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((done) => setTimeout(done, 200));
	}
	throw new Error(`${url} did not answer: is ./build there (npm run build)?`);
}

// Node itself with tsx's loader, not npx: one process, so killing it at the end stops the server.
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
	env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', SKIP_BUILD_CHECK: '1' },
	stdio: 'ignore'
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
	await waitForServer(`${BASE}/`);
	mkdirSync(OUT, { recursive: true });
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const viewport of VIEWPORTS) {
			const page = await browser.newPage({ viewport, colorScheme, reducedMotion: 'reduce' });
			await page.goto(`${BASE}/`);
			await page.waitForSelector('section[data-scrolly].is-ready');
			const name = `${colorScheme}-${viewport.width}x${viewport.height}`;
			await page.screenshot({ path: `${OUT}/${name}-start.png` });
			const steps = await page
				.locator('li.step')
				.evaluateAll((items) => items.map((item) => item.getAttribute('data-step')!));
			for (const n of steps) {
				// Where the step is read: its card in the middle of the screen.
				await page
					.locator(`li.step#step-${n} .step-card`)
					.evaluate((card) => card.scrollIntoView({ block: 'center', behavior: 'instant' }));
				await page.waitForSelector(`section[data-scrolly][data-active-step="${n}"]`);
				await page.waitForTimeout(150);
				await page.screenshot({ path: `${OUT}/${name}-step-${n}.png` });
			}
			await page.close();
		}
	}
	console.log(`Screenshots in ${OUT}/`);
} finally {
	await browser.close();
	server.kill();
}
