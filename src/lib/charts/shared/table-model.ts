export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
}

export interface TableRow {
	key: string;
	cells: Record<string, string>;
	current?: boolean;
}

export interface TableModel {
	caption: string;
	columns: TableColumn[];
	rows: TableRow[];
}
