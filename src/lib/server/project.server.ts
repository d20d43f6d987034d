import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAllData, type LoadedData } from '../data/load.server';
import { formatIssue, hasErrors, type DataIssue } from '../data/issues';
import { DATASET_IDS, datasetFile } from '../schema/datasets';
import { parseStory, STORY_FILE, type Story } from '../story/story';
import { unshownRows } from './unshown-rows';

export interface ProjectCheck {
	data: LoadedData;
	story?: Story;
	/** Located lines for the editor, errors first. */
	errors: string[];
	warnings: string[];
}

/** What the check depends on: every data file and the story, by size and time. */
function fingerprint(root: string): string {
	return [...DATASET_IDS.map(datasetFile), STORY_FILE]
		.map((file) => {
			try {
				const stats = statSync(join(root, file));
				return `${file}:${stats.size}:${stats.mtimeMs}`;
			} catch {
				return `${file}:missing`;
			}
		})
		.join('|');
}

const cache = new Map<string, { key: string; check: ProjectCheck }>();

function runCheck(root: string): ProjectCheck {
	const data = loadAllData(root);
	const byLevel = (level: DataIssue['severity']) =>
		data.issues.filter((issue) => issue.severity === level).map(formatIssue);
	const errors = byLevel('error');
	const warnings = byLevel('warning');
	let story: Story | undefined;
	if (!hasErrors(data.issues)) {
		const parsed = parseStory(readFileSync(join(root, STORY_FILE), 'utf8'), data.rows);
		story = parsed.story;
		errors.push(...parsed.problems);
		if (story) warnings.push(...unshownRows(data.rows, story).map(formatIssue));
	}
	return { data, story, errors, warnings };
}

/**
 * Data files and story copy, checked together (the story's figures come from the data). Every prerendered
 * route asks for it, so it runs once per build and again only when a file changes (the dev server):
 * reading git's dates for each file on every route cost ~700 `git` processes a build.
 */
export function checkProject(root = process.cwd()): ProjectCheck {
	const absolute = resolve(root);
	const key = fingerprint(absolute);
	const hit = cache.get(absolute);
	if (hit && hit.key === key) return hit.check;
	const check = runCheck(absolute);
	cache.set(absolute, { key, check });
	return check;
}
