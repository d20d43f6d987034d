import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff';

const temp = mkdtempSync(join(tmpdir(), 'unified-diff-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Applies the patch with git, as the editor's instructions say, and returns the patched file. */
function gitApply(before: string, patch: string): string {
	const root = mkdtempSync(join(temp, 'case-'));
	mkdirSync(join(root, 'data'));
	writeFileSync(join(root, 'data/downloads.csv'), before);
	writeFileSync(join(root, 'change.patch'), patch);
	execFileSync('git', ['apply', 'change.patch'], { cwd: root, stdio: 'pipe' });
	return readFileSync(join(root, 'data/downloads.csv'), 'utf8');
}

const PATH = 'data/downloads.csv';

describe('unifiedDiff', () => {
	it('prints a changed figure as one hunk with git paths', () => {
		const before = 'label,downloads\nFury,1200000\nAnnie,184000\n';
		const after = 'label,downloads\nFury,1300000\nAnnie,184000\n';
		expect(unifiedDiff(before, after, PATH)).toBe(
			[
				'diff --git a/data/downloads.csv b/data/downloads.csv',
				'--- a/data/downloads.csv',
				'+++ b/data/downloads.csv',
				'@@ -1,3 +1,3 @@',
				' label,downloads',
				'-Fury,1200000',
				'+Fury,1300000',
				' Annie,184000',
				''
			].join('\n')
		);
	});

	it('is empty for the same file', () => {
		expect(unifiedDiff('a\n', 'a\n', PATH)).toBe('');
	});

	it('gives a patch git apply turns the old file into the new one, for any edit', () => {
		const line = fc.constantFrom('a', 'b', 'c', 'Fury,1', 'Fury,2', '', 'x,"y, z"');
		const file = fc
			.tuple(fc.array(line, { maxLength: 30 }), fc.boolean())
			.map(([rows, newline]) => rows.join('\n') + (newline && rows.length ? '\n' : ''));
		fc.assert(
			fc.property(file, file, (before, after) => {
				fc.pre(before !== after);
				expect(gitApply(before, unifiedDiff(before, after, PATH))).toBe(after);
			}),
			{ numRuns: 30 }
		);
		// Each case runs git, which takes a while on a busy machine.
	}, 120_000);
});
