import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	applyEdits,
	DOWNLOADS_EDITS,
	LEAD_FIGURE_UP,
	TIMELINE_AND_PROVIDER_EDITS,
	type AppliedEdit
} from './data-edits';
import { copyProject, runBuild } from './project-copy';

/**
 * One copy of the project with every edit of support/data-edits.ts in its data/, built once with
 * `npm run build` and read by the specs that check them (data-swap-matrix.e2e.ts, data-swap.e2e.ts).
 * The edits keep clear of each other, so one build serves them all. A build takes ~40 s of CPU on a
 * 2-core machine, more than a test should, so the global setup (edited-builds.setup.ts) starts it when
 * the run begins, while other specs run, and a test only waits for it if it gets there first. Run
 * without that setup, the first test in a worker to ask for the copy builds it itself.
 */
export const EDITS = [LEAD_FIGURE_UP, ...DOWNLOADS_EDITS, ...TIMELINE_AND_PROVIDER_EDITS];

/** The copy, once its build succeeded. */
export interface EditedBuild {
	dir: string;
	edits: AppliedEdit[];
	/** The build's wall time, in seconds. */
	seconds: number;
}

/** Written once the build has ended, built or not, for tests in other processes to read. */
type Outcome = ({ ok: true } & EditedBuild) | { ok: false; error: string };

/** The folder holding this run's copy and its outcome; set by the global setup. */
const ROOT_ENV = 'E2E_EDITED_BUILD';

const outcomeFile = (root: string) => join(root, 'outcome.json');

/** Copies, edits and builds under `root`; never throws: a failure is an outcome. */
async function buildEdited(root: string, onStart: (stop: () => void) => void): Promise<Outcome> {
	let dir = '';
	try {
		dir = copyProject('data-swap', root);
		const edits = applyEdits(dir, EDITS);
		const build = runBuild(dir);
		onStart(build.stop);
		const { code, seconds, output } = await build.result;
		if (code !== 0)
			return {
				ok: false,
				error: `npm run build in ${dir} failed (${code}):\n${output.slice(-3000)}`
			};
		return { ok: true, dir, edits, seconds };
	} catch (error) {
		return { ok: false, error: `${dir}: ${(error as Error).stack ?? error}` };
	}
}

/**
 * For the global setup: starts the copy's build and returns the teardown, which stops the build if it
 * is still running (a run that ended early) and removes the copy.
 */
export function startEditedBuild(): () => Promise<void> {
	const root = mkdtempSync(join(tmpdir(), 'e2e-edited-build-'));
	// Workers start after the global setup and inherit its environment.
	process.env[ROOT_ENV] = root;
	let stop = () => {};
	const built = buildEdited(root, (stopBuild) => (stop = stopBuild)).then((outcome) => {
		const file = outcomeFile(root);
		// Renamed into place, so a reader never sees half a file.
		writeFileSync(`${file}.tmp`, JSON.stringify(outcome));
		renameSync(`${file}.tmp`, file);
	});
	return async () => {
		stop();
		await built;
		rmSync(root, { recursive: true, force: true });
	};
}

/** A copy this worker built itself (no global setup), removed when the worker exits. */
let inline: Promise<Outcome> | undefined;

async function waitForOutcome(root: string): Promise<Outcome> {
	const file = outcomeFile(root);
	while (!existsSync(file)) await new Promise((wake) => setTimeout(wake, 250));
	return JSON.parse(readFileSync(file, 'utf8')) as Outcome;
}

/** The built copy: waits for the global setup's build, or builds it; throws if it failed. */
export async function editedBuild(): Promise<EditedBuild> {
	const root = process.env[ROOT_ENV];
	if (!root && !inline) {
		const own = mkdtempSync(join(tmpdir(), 'e2e-edited-build-'));
		process.once('exit', () => rmSync(own, { recursive: true, force: true }));
		inline = buildEdited(own, () => {});
	}
	const outcome = root ? await waitForOutcome(root) : await inline!;
	if (!outcome.ok) throw new Error(`the edited copy was not built:\n${outcome.error}`);
	return outcome;
}
