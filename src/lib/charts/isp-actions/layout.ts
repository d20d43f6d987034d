import type { IspActionRow } from '../../schema/isp-actions';
import { dayToTime } from '../../schema/dates';

export const HEADER = 18;
export const LANE = 22;
export const BLOCK_GAP = 10;
export const AXIS = 34;

/** Marks closer than this many days share a lane only if they don't touch. */
const SPACING_DAYS = 4;
const DAY = 86_400_000;

export interface IspBlock {
	isp: string;
	top: number;
	lanes: number;
}

export interface Placed {
	row: IspActionRow;
	/** Top of the lane, pixels from the top of the plot. */
	y: number;
}

/**
 * Providers in order of their first action, each with as many lanes as its overlapping actions need.
 * Lanes depend on dates only, not on the zoom, so a mark keeps its row as the story zooms.
 */
export function layoutBlocks(rows: readonly IspActionRow[]): {
	blocks: IspBlock[];
	placed: Placed[];
	height: number;
} {
	const byIsp = new Map<string, IspActionRow[]>();
	const sorted = [...rows].sort(
		(a, b) => a.date.start.localeCompare(b.date.start) || a.row - b.row
	);
	for (const row of sorted) byIsp.set(row.isp, [...(byIsp.get(row.isp) ?? []), row]);
	const blocks: IspBlock[] = [];
	const placed: Placed[] = [];
	let top = 0;
	for (const [isp, actions] of byIsp) {
		const laneEnds: number[] = [];
		for (const row of actions) {
			const start = dayToTime(row.date.start) - SPACING_DAYS * DAY;
			let lane = laneEnds.findIndex((end) => end < start);
			if (lane === -1) lane = laneEnds.push(0) - 1;
			laneEnds[lane] = dayToTime(row.date.end) + SPACING_DAYS * DAY;
			placed.push({ row, y: top + HEADER + lane * LANE });
		}
		blocks.push({ isp, top, lanes: laneEnds.length });
		top += HEADER + laneEnds.length * LANE + BLOCK_GAP;
	}
	return { blocks, placed, height: top + AXIS };
}
