/** A problem found in a data file, located the way an editor sees it in a spreadsheet. */
export interface DataIssue {
	/** Path as the editor knows it, e.g. `data/downloads.csv`. */
	file: string;
	/** Spreadsheet row: the header is row 1. Absent for whole-file problems. */
	row?: number;
	/** Column name as written in the header (or expected there). */
	column?: string;
	severity: 'error' | 'warning';
	message: string;
}

export function formatIssue(issue: DataIssue): string {
	const where = [issue.file, issue.row, issue.column]
		.filter((part) => part !== undefined)
		.join(':');
	return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

export function hasErrors(issues: readonly DataIssue[]): boolean {
	return issues.some((issue) => issue.severity === 'error');
}

/** Quotes a cell for a message, shortening very long ones so one bad cell can't flood a terminal. */
export function quote(value: string): string {
	const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
	return JSON.stringify(shown);
}
