/** One annotated mark: what the reader is told next to its number. */
export interface Callout {
	key: string;
	/** Short lead, usually the date as precisely as sources give it. */
	heading: string;
	text: string;
	/** Caveat from the data's note column (a disagreement between sources, a different measure). */
	note?: string;
}
