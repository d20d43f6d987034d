import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { clientScripts } from './scripts/vite/client-scripts';
import { dataGate } from './scripts/vite/data-gate';
import { editorSave } from './scripts/vite/editor-save';

export default defineConfig({
	plugins: [
		dataGate(),
		editorSave(),
		clientScripts({
			story: { entry: 'src/lib/story/client/enhance.ts' },
			embedChild: { entry: 'src/lib/embed/client/child.ts' },
			embedParent: { entry: 'src/lib/embed/client/parent.ts', fixedName: 'embed.js' },
			embedCopy: { entry: 'src/lib/embed/client/copy-code.ts' }
		}),
		sveltekit()
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/setup/fast-check-seed.ts'],
		env: { TZ: 'UTC' },
		// Vitest leaves a core free by default, which on a 2-core machine ran the files one at a time:
		// the atomic-build test's minute of builds, mostly waiting on child processes, then everything else.
		maxWorkers: 2,
		// One module graph per worker rather than per file: each file re-importing the schema, charts and
		// Svelte's runtime was about 17 of the unit tests' 124 core-s on 2 cores. No test
		// keeps state in a module; the few that stub the environment restore it.
		isolate: false,
		// Vitest's 5 s default failed a snapshot test (two PNG cards) on a 2-core machine running two
		// suites at once; no test is meant to need more than ~30 s there.
		testTimeout: 30_000
	}
});
