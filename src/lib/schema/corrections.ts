import { day, oneOf, required, text } from './columns';
import type { RowOf, TableSpec } from './table';

export const CORRECTABLE = ['downloads', 'isp-actions', 'timeline', 'story'] as const;

const columns = {
	date: required(day(), 'the day the correction was made, YYYY-MM-DD'),
	chart: required(oneOf(CORRECTABLE), `one of ${CORRECTABLE.join(', ')}`),
	what_changed: required(text(), 'what was wrong and what it says now'),
	why: required(text(), 'why it changed, e.g. the source updated its figure')
};

export type CorrectionRow = RowOf<typeof columns>;

export const correctionsSpec: TableSpec<typeof columns> = { columns, allowEmpty: true };
