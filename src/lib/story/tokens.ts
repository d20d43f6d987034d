import type { DatasetRows } from '../schema/datasets';
import { countInWords, fuzzyDateInWords } from '../charts/shared/format';

/**
 * Figures in the story copy are never typed in by hand: `{downloads:Fury}`, `{downloads:Fury@2014-11-30}`,
 * `{isp-actions:blocked-sites}` and `{date:2010-09-20}` are filled from the CSV rows, so an editor's
 * new figure reaches the prose as well as the chart.
 */
export type TokenResult = { ok: true; text: string } | { ok: false; message: string };

const TOKEN = /\{([a-z-]+):([^{}]+)\}/g;

export function fillTokens(text: string, rows: DatasetRows): { text: string; problems: string[] } {
	const problems: string[] = [];
	const filled = text.replace(TOKEN, (whole, kind: string, arg: string) => {
		const result = resolve(kind, arg.trim(), rows);
		if (result.ok) return result.text;
		problems.push(`${whole}: ${result.message}`);
		return whole;
	});
	return { text: filled, problems };
}

function resolve(kind: string, arg: string, rows: DatasetRows): TokenResult {
	if (kind === 'downloads') {
		const [label, asOf] = arg.split('@').map((part) => part.trim());
		const matching = rows.downloads.filter(
			(row) =>
				row.label.toLowerCase().includes(label!.toLowerCase()) && (!asOf || row.as_of === asOf)
		);
		const latest = matching.sort((a, b) => b.as_of.localeCompare(a.as_of))[0];
		if (!latest) return { ok: false, message: `no row in data/downloads.csv matches "${arg}"` };
		return { ok: true, text: countInWords(latest.downloads, latest.qualifier) };
	}
	if (kind === 'isp-actions') {
		const row = rows['isp-actions'].find((item) => item.action === arg && item.count !== undefined);
		if (!row)
			return {
				ok: false,
				message: `no row in data/isp-actions.csv has action "${arg}" and a count`
			};
		return { ok: true, text: countInWords(row.count!, row.count_qualifier ?? 'exact') };
	}
	if (kind === 'date') {
		const row = rows.timeline.find((item) => item.date.text === arg);
		if (!row) return { ok: false, message: `no row in data/timeline.csv has the date "${arg}"` };
		return { ok: true, text: fuzzyDateInWords(row.date, row.precision) };
	}
	return { ok: false, message: `unknown kind "${kind}"; use downloads, isp-actions or date` };
}
