import type { SourceRef } from '../../schema/sources';

/** Every distinct source behind a chart's rows, in first-seen order, for its source line. */
export function distinctSources(rows: readonly { source: SourceRef[] }[]): SourceRef[] {
	const seen = new Map<string, SourceRef>();
	for (const row of rows)
		for (const ref of row.source) if (!seen.has(ref.text)) seen.set(ref.text, ref);
	return [...seen.values()];
}

/** The source line in plain text: "Sources: BBC, The Register." */
export function sourcesLine(rows: readonly { source: SourceRef[] }[]): string {
	const labels = distinctSources(rows).map((source) => source.label);
	return `Source${labels.length === 1 ? '' : 's'}: ${labels.join(', ')}.`;
}
