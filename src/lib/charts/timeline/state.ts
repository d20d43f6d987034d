import * as v from 'valibot';
import { TimeState } from '../shared/time-state';

/** What the story's time chart shows at a step (shared with the providers' chart). */
export const TimelineState = TimeState;
export type TimelineState = v.InferOutput<typeof TimelineState>;
export const defaultTimelineState: TimelineState = v.parse(TimelineState, {});
