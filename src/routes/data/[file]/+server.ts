import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_IDS, isDatasetId } from '$lib/schema/datasets';
import { csvForDownload } from '$lib/data/csv-download';

export const prerender = true;

export function entries() {
	return DATASET_IDS.map((id) => ({ file: `${id}.csv` }));
}

/** Each chart's CSV as readers download it: the editors' file, made safe to open in a spreadsheet. */
export function GET({ params }) {
	const id = params.file.replace(/\.csv$/, '');
	if (!isDatasetId(id)) error(404, 'No such data file');
	const text = readFileSync(join(process.cwd(), 'data', `${id}.csv`), 'utf8');
	return new Response(csvForDownload(text), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' }
	});
}
