import { error } from '@sveltejs/kit';
import { CHART_IDS, isChartId } from '$lib/charts/chart-ids';
import { loadAllData } from '$lib/data/load.server';

export function entries() {
	return CHART_IDS.map((chart) => ({ chart }));
}

export function load({ params }) {
	if (!isChartId(params.chart)) error(404, 'No such chart');
	const data = loadAllData();
	return { chart: params.chart, rows: data.rows, updated: data.updated };
}
