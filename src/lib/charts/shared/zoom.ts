import * as v from 'valibot';

/** Which stretch of the calendar a time chart shows: both, or one of them filling the width. */
export const ZoomSchema = v.optional(
	v.picklist(
		['all', '2010', '2014'],
		(issue) => `${issue.received} is not a zoom; use all, 2010 or 2014`
	),
	'all'
);
