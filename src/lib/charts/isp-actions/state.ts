import * as v from 'valibot';
import { TimeState } from '../shared/time-state';

/** What the providers' chart shows: the time chart's state, with one lane per provider. */
export const IspActionsState = TimeState;
export type IspActionsState = v.InferOutput<typeof IspActionsState>;
export const defaultIspActionsState: IspActionsState = v.parse(IspActionsState, {});
