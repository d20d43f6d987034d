import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The published origin and sub-path come from the environment at build time, never from code. */
const basePath = /** @type {'' | `/${string}`} */ (
	(process.env.BASE_PATH ?? '').replace(/\/$/, '')
);

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR and SVELTEKIT_OUT_DIR let two builds run side by side (tests that swap data).
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
		outDir: process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit',
		paths: { base: basePath, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
