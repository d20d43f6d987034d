import * as v from 'valibot';

/** What the downloads chart shows at a story step. */
export const DownloadsState = v.object({
	/** `headline`: the latest figure per film; `climb`: every reading of the highlighted title over time. */
	view: v.optional(v.picklist(['headline', 'climb']), 'headline'),
	/** Labels to highlight, e.g. Fury. */
	highlight: v.optional(v.array(v.string()), []),
	/** Show the notes (different measures, inferences) for highlighted rows. */
	notes: v.optional(v.boolean(), false)
});

export type DownloadsState = v.InferOutput<typeof DownloadsState>;

export const defaultDownloadsState: DownloadsState = v.parse(DownloadsState, {});
