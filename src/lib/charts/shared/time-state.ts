import * as v from 'valibot';
import { ZoomSchema } from './zoom';

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'));

/**
 * What a time chart shows at a story step (the timeline and the providers' chart share it, so the
 * story's one chart keeps one vocabulary as it moves between them).
 */
export const TimeState = v.object({
	/** The camera: `all`, or a window of dates such as 2010-09-18/2010-10-06. */
	zoom: ZoomSchema,
	/** Events to label, by their `date` cell (e.g. 2010-09-20). */
	highlight: v.optional(v.array(v.string()), []),
	/** Providers' actions to label, by action (e.g. refused-disclosure). */
	actions: v.optional(v.array(v.string()), []),
	/** Providers to label, or to narrow `actions` to (e.g. BT). */
	isps: v.optional(v.array(v.string()), []),
	/** Rows after this day are faint: the story has not reached them yet. */
	until: v.optional(day),
	/** The "now" marker on the axis; by default the last labelled row's date. */
	now: v.optional(day),
	/** Kinds of event to emphasise, e.g. attack. */
	categories: v.optional(v.array(v.string()), []),
	/** Show one lane per provider (`expanded`); by default they expand when a step is about them. */
	providers: v.optional(v.picklist(['auto', 'expanded', 'collapsed']), 'auto')
});

export type TimeState = v.InferOutput<typeof TimeState>;
