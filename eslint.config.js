import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{
		// build-*/ and .svelte-kit-*/ are per-run output dirs (BUILD_DIR, SVELTEKIT_OUT_DIR).
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'coverage/'
		]
	},
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs['flat/recommended'],
	prettier,
	svelte.configs['flat/prettier'],
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte'],
		// TypeScript already reports undefined names, and no-undef misreads type-only globals.
		rules: { 'no-undef': 'off' }
	},
	{
		// Pages don't hydrate (csr = false) so links are plain documents, not client-side navigation;
		// every internal href is already prefixed with `base` for sub-path deployments.
		rules: { 'svelte/no-navigation-without-resolve': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			// No projectService: no rule here needs type information (svelte-check types the code), and
			// building a TypeScript program for every .svelte file doubled lint's CPU.
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
