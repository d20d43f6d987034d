import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startEditedBuild } from './edited-builds';
import { ROOT } from './project-data';

/** The specs that read the edited copy (edited-builds.ts). */
const READERS = ['data-swap-matrix.e2e.ts', 'data-swap.e2e.ts'].map((file) =>
	join(ROOT, 'tests/e2e', file)
);

/** CLI options that take a value as the next argument, so that value is not read as a file filter. */
const WITH_VALUE = new Set(
	'-c --config -g --grep --grep-invert -j --workers --project --reporter --retries --repeat-each --shard --timeout --global-timeout --max-failures --output --trace'.split(
		' '
	)
);

/** `playwright test`'s file filters: its positional arguments, each a pattern matched on the path. */
function fileFilters(argv: string[]): RegExp[] {
	const filters: RegExp[] = [];
	const args = argv.slice(argv.indexOf('test') + 1);
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') break;
		if (arg.startsWith('-')) {
			if (WITH_VALUE.has(arg)) i++;
			continue;
		}
		try {
			filters.push(new RegExp(arg.replace(/:\d+(:\d+)?$/, '')));
		} catch {
			filters.push(/(?!)/);
		}
	}
	return filters;
}

/**
 * Starts the edited copy's build in the background as the run begins, so it overlaps the other specs
 * instead of sitting inside a test. A run filtered to files that don't read it skips its ~40 s of CPU;
 * if the filters are misread, the tests build the copy themselves (slower, still right).
 */
export default function globalSetup(config: FullConfig) {
	const filters = fileFilters(config.argv.length ? config.argv : process.argv);
	if (filters.length && !READERS.some((file) => filters.some((filter) => filter.test(file))))
		return;
	return startEditedBuild();
}
