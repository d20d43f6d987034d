import { DATASET_IDS, type DatasetId } from '../schema/datasets';

/**
 * Which dataset a file is for, from its name: `downloads.csv`, `downloads (1).csv` and
 * `new-isp-actions.csv` all say so. Undefined when the name names none, or more than one.
 */
export function datasetFromName(path: string): DatasetId | undefined {
	const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.[a-z]+$/, '');
	// Longest first, and only as a whole word, so a name must say the id, not merely contain letters of it.
	const found = DATASET_IDS.filter((id) =>
		new RegExp(`(^|[^a-z])${id.replace('-', '[-_ ]?')}($|[^a-z])`).test(name)
	);
	return found.length === 1 ? found[0] : undefined;
}
