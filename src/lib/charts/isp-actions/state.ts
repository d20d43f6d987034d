import * as v from 'valibot';
import { ZoomSchema } from '../shared/zoom';

/** What the ISP actions chart shows at a story step. */
export const IspActionsState = v.object({
	zoom: ZoomSchema,
	/** Highlight these actions (e.g. refused-disclosure); with `isps`, only that provider's. */
	actions: v.optional(v.array(v.string()), []),
	/** Highlight these providers (e.g. BT). */
	isps: v.optional(v.array(v.string()), [])
});

export type IspActionsState = v.InferOutput<typeof IspActionsState>;

export const defaultIspActionsState: IspActionsState = v.parse(IspActionsState, {});
