import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory, STORY_FILE, type Story } from '../story/story';
import { formatIssue, hasErrors, type DataIssue } from './issues';
import { loadAllData, type LoadedData } from './load.server';

export interface ProjectCheck {
	data: LoadedData;
	story?: Story;
	/** Located lines for the editor, errors first. */
	errors: string[];
	warnings: string[];
}

/** Data files and story copy, checked together: the story's figures come from the data. */
export function checkProject(root = process.cwd()): ProjectCheck {
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
	}
	return { data, story, errors, warnings };
}
