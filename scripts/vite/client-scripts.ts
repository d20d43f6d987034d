import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Pages that ship no framework (csr = false) still need a few small scripts: the story's scroller and the
 * embed's height messages. SvelteKit has no hook for a page-level script without hydration, so this plugin
 * bundles each entry on its own (minified IIFE), emits it as a hashed immutable asset in the client build
 * and tells the server-rendered pages its URL through `virtual:client-scripts`.
 *
 * Entries with a `fixedName` (the parent loader `/embed.js`, which newsrooms hard-code) keep that name.
 */
export interface ClientScript {
	entry: string;
	fixedName?: string;
}

const VIRTUAL = 'virtual:client-scripts';
const RESOLVED = '\0' + VIRTUAL;
const DEV_PREFIX = '/@client-script/';

export async function bundleScript(entry: string): Promise<string> {
	const bundle = await rolldown({ input: entry, platform: 'browser', logLevel: 'silent' });
	try {
		const { output } = await bundle.generate({ format: 'iife', minify: true });
		return output[0].code;
	} finally {
		await bundle.close();
	}
}

function assetName(name: string, code: string, script: ClientScript): string {
	if (script.fixedName) return script.fixedName;
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
	return `_app/immutable/assets/${name}.${hash}.js`;
}

export function clientScripts(scripts: Record<string, ClientScript>): Plugin {
	let command: 'build' | 'serve' = 'build';
	let ssrBuild = false;
	let base = '';
	const built = new Map<string, { fileName: string; code: string }>();

	async function buildAll(root: string) {
		for (const [name, script] of Object.entries(scripts)) {
			const code = await bundleScript(resolve(root, script.entry));
			built.set(name, { fileName: assetName(name, code, script), code });
		}
	}

	return {
		name: 'client-scripts',
		async configResolved(config) {
			command = config.command;
			ssrBuild = Boolean(config.build.ssr);
			base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');
			if (command === 'build') await buildAll(config.root);
		},
		resolveId(id) {
			return id === VIRTUAL ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return undefined;
			const urls = Object.fromEntries(
				Object.entries(scripts).map(([name, script]) => {
					if (command === 'serve')
						return [name, script.fixedName ? `/${script.fixedName}` : `${DEV_PREFIX}${name}.js`];
					return [name, `${base}/${built.get(name)!.fileName}`];
				})
			);
			return `export default ${JSON.stringify(urls)};`;
		},
		generateBundle() {
			if (ssrBuild) return;
			for (const { fileName, code } of built.values()) {
				this.emitFile({ type: 'asset', fileName, source: code });
			}
		},
		configureServer(server) {
			// In dev every request rebuilds the script, so an edit shows on the next reload.
			server.middlewares.use(async (req, res, next) => {
				const path = (req.url ?? '').split('?')[0]!;
				const match = Object.entries(scripts).find(([name, script]) =>
					script.fixedName ? path === `/${script.fixedName}` : path === `${DEV_PREFIX}${name}.js`
				);
				if (!match) return next();
				try {
					const code = await bundleScript(resolve(server.config.root, match[1].entry));
					res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
					res.end(code);
				} catch (error) {
					next(error);
				}
			});
		}
	};
}
