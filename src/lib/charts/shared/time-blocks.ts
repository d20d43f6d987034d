import type { PageBlocks } from './text-measure';
import { timeLegend } from './time-copy';
import { naturalHeight, subjectsOf, type TimeItem, type TimeLayout } from './time-marks';

/** The plot's height with no container asking for another (naturalHeight). */
export function naturalPlotHeight(layout: TimeLayout): number {
	return naturalHeight(layout.units);
}

/**
 * A time chart's body as its page stacks it outside the story (charts.css's sizes), for the no-script
 * height: the plot and the axis under it, the subjects listed under a narrow plot, the key, the table.
 */
export function timeBlocks(layout: TimeLayout, items: readonly TimeItem[]): PageBlocks {
	const subjects = subjectsOf(layout.labels);
	return {
		// 1.4rem above the plot, 2.6rem for the axis under it, and the data table's closed summary.
		fixed: 22.4 + naturalPlotHeight(layout) + 41.6 + 39,
		texts: [
			{
				px: 13,
				lineHeight: 16.9,
				space: 0,
				indent: 16,
				texts: subjects.length === 2 ? subjects.map((s) => `${s.date} ${s.text}`) : []
			},
			{
				px: 12.8,
				lineHeight: 19.2,
				space: 9.6,
				between: 4,
				indent: 19,
				inline: 16,
				texts: timeLegend(items).map((entry) => entry.name)
			}
		]
	};
}
