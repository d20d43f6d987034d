import * as v from 'valibot';
import { ZoomSchema } from '../shared/zoom';

/** What the timeline shows at a story step. */
export const TimelineState = v.object({
	zoom: ZoomSchema,
	/** Events to number and explain, by their `date` cell (e.g. 2010-09-20). */
	highlight: v.optional(v.array(v.string()), []),
	/** Events after this day are faded, so the story can reveal the timeline as it goes. */
	until: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'until must be YYYY-MM-DD'))),
	/** Categories to emphasise, e.g. attack. */
	categories: v.optional(v.array(v.string()), [])
});

export type TimelineState = v.InferOutput<typeof TimelineState>;

export const defaultTimelineState: TimelineState = v.parse(TimelineState, {});
