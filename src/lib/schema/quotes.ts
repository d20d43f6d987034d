import { optional, required, sources, text } from './columns';
import type { RowOf, TableSpec } from './table';

/**
 * Every passage the story quotes, word for word, with who said it and where that was reported. One
 * row per attribution: when two sources give the same words to different speakers, the quote has two
 * rows, and the story must name both speakers.
 */
const columns = {
	quote: required(text(), 'the words exactly as the source prints them, without quotation marks'),
	speaker: required(text(), 'who said it, as the story names them, e.g. Mike Weatherley'),
	note: optional(text(), "the speaker's role, or how the source attributes the words"),
	source: required(sources(), 'a URL, or the headline and date of the article')
};

export type QuoteRow = RowOf<typeof columns>;

const MARKS = /^["“”'‘’]|["“”'‘’]$/;

export const quotesSpec: TableSpec<typeof columns> = {
	columns,
	checkRow(row, report) {
		if (MARKS.test(row.quote)) {
			report(
				'quote',
				'starts or ends with a quotation mark; write only the words, the story adds the marks'
			);
		}
	}
};
