import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { validateDataset } from '../../src/lib/data/validate';
import { LEAD_FIGURE_UP } from './support/data-edits';
import { editedBuild } from './support/edited-builds';
import { copyProject, runBuild } from './support/project-copy';
import { ROOT } from './support/project-data';

/**
 * An editor's workflow, end to end: change a number in a CSV, run `npm run build`, and the published
 * page says the new number — or, with a malformed cell, the build refuses and says where, leaving the
 * last good build. Each runs in a copy of the project, so the build other specs test is never touched.
 */

test.describe('swapping data/downloads.csv and rebuilding', () => {
	test('a malformed count fails the build, names the cell, and keeps the last good build', async () => {
		// A refused build stops at the data check, in seconds: no need to wait for a copy's own build.
		test.setTimeout(120_000);
		const dir = copyProject('data-swap-malformed');
		try {
			// The last good build: a complete one (this run's own), where the copy publishes.
			cpSync(resolve(ROOT, process.env.BUILD_DIR ?? 'build'), join(dir, 'build'), {
				recursive: true
			});
			const before = readFileSync(join(dir, 'build/index.html'));
			const csv = join(dir, 'data/downloads.csv');
			const good = readFileSync(csv, 'utf8');
			// The biggest figure, the one the story leads with, typed the way a spreadsheet might show it.
			const [header, ...records] = Papa.parse<string[]>(good.trim(), { skipEmptyLines: true }).data;
			const rows = validateDataset('downloads', good, 'x').rows;
			const index = rows.indexOf(rows.reduce((a, b) => (b.downloads > a.downloads ? b : a)));
			records[index]![header!.indexOf('downloads')] = '1.2m';
			writeFileSync(csv, Papa.unparse([header!, ...records], { newline: '\n' }) + '\n');

			const { code, output } = await runBuild(dir).result;
			expect(code, 'the build fails').not.toBe(0);
			expect(output).toContain(`data/downloads.csv:${rows[index]!.row}:downloads:`);
			expect(readFileSync(join(dir, 'build/index.html')).equals(before), 'build/ untouched').toBe(
				true
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a new figure for the biggest reading reaches the embed and the story', async () => {
		// The copy with this edit (and the matrix's, which keep clear of it) is built by the global
		// setup while other specs run; this waits for it if needed (or, without that setup, builds it).
		test.setTimeout(300_000);
		const { dir, edits, seconds } = await editedBuild();
		test.info().annotations.push({ type: 'build', description: `${seconds.toFixed(0)} s` });
		const edit = edits.find((applied) => applied.name === LEAD_FIGURE_UP.name)!;
		const read = (path: string) => readFileSync(join(dir, 'build', path), 'utf8');

		const embed = read('embed/downloads/index.html');
		const story = read('index.html');
		for (const after of edit.present) {
			expect(embed, 'the embed shows the new figure').toContain(after);
			expect(story, 'the story shows the new figure').toContain(after);
		}
		// The old words stay only if another row, or the edited row's own note, still says them.
		for (const before of edit.absent) expect(embed, 'the old figure is gone').not.toContain(before);
	});
});
