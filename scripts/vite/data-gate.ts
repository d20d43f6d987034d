import { relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { checkProject } from '../../src/lib/server/project.server';

/**
 * Bad data must never reach a page: the build stops before writing anything (so the last good build/
 * stays), and the dev server shows the editor exactly what is wrong instead of a blank or stale page.
 */
export function dataGate(): Plugin {
	let root = process.cwd();
	let command: 'build' | 'serve' = 'build';

	function report(): string[] {
		const { errors, warnings } = checkProject(root);
		for (const line of warnings) console.warn(line);
		for (const line of errors) console.error(line);
		return errors;
	}

	function watch(server: ViteDevServer) {
		const watched = (file: string) => {
			const path = relative(root, file);
			return /^data\/[^/]+\.csv$/.test(path) || path === 'src/content/story.aml';
		};
		server.watcher.add([resolve(root, 'data'), resolve(root, 'src/content')]);
		const onChange = (file: string) => {
			if (!watched(file)) return;
			const errors = report();
			if (errors.length) {
				console.error(
					`${errors.length} problem(s); nothing published has changed. Fix the file and save it again.`
				);
				server.ws.send({ type: 'error', err: { message: errors.join('\n'), stack: '' } });
			} else {
				server.ws.send({ type: 'full-reload' });
			}
		};
		server.watcher.on('change', onChange);
		server.watcher.on('add', onChange);
		server.watcher.on('unlink', onChange);
	}

	return {
		name: 'data-gate',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
			command = config.command;
		},
		buildStart() {
			// Unit tests feed their own fixtures; the project's data is not theirs to judge.
			if (process.env.VITEST) return;
			const errors = report();
			if (errors.length === 0) return;
			const verb =
				command === 'build' ? 'Build stopped; build/ was not changed' : 'Dev server not started';
			console.error(`\n${verb}: fix the ${errors.length} problem(s) above.`);
			process.exit(1);
		},
		configureServer: watch
	};
}
