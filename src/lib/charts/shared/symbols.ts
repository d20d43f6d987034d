import {
	symbol,
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolStar,
	symbolTimes,
	symbolTriangle,
	symbolWye,
	type SymbolType
} from 'd3-shape';

/** Marker shapes, so a category or action is told apart by form as well as colour. */
export const SHAPES = {
	circle: symbolCircle,
	square: symbolSquare,
	diamond: symbolDiamond,
	triangle: symbolTriangle,
	cross: symbolCross,
	times: symbolTimes,
	star: symbolStar,
	wye: symbolWye
} satisfies Record<string, SymbolType>;

export type Shape = keyof typeof SHAPES;

const cache = new Map<string, string>();

/** An SVG path centred on 0,0 whose area is `area` square pixels; rounded to keep the HTML small. */
export function symbolPath(shape: Shape, area = 90): string {
	const key = `${shape}:${area}`;
	let path = cache.get(key);
	if (!path) {
		path = (symbol(SHAPES[shape], area)() ?? '').replace(/\d+\.\d+/g, (n) =>
			String(Math.round(Number(n) * 10) / 10)
		);
		cache.set(key, path);
	}
	return path;
}
