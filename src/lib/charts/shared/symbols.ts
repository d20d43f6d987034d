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

/** A regular polygon of `sides` corners, point up, with the given area (d3's symbol contract). */
function polygon(sides: number, rotation = 0): SymbolType {
	return {
		draw(context, size) {
			const radius = Math.sqrt((2 * size) / (sides * Math.sin((2 * Math.PI) / sides)));
			for (let i = 0; i < sides; i++) {
				const angle = rotation + (i * 2 * Math.PI) / sides - Math.PI / 2;
				const x = radius * Math.cos(angle);
				const y = radius * Math.sin(angle);
				if (i === 0) context.moveTo(x, y);
				else context.lineTo(x, y);
			}
			context.closePath();
		}
	};
}

/** Two triangles point to point: an hourglass on its side. */
const bowtie: SymbolType = {
	draw(context, size) {
		const r = Math.sqrt(size) * 0.62;
		context.moveTo(-r, -r);
		context.lineTo(0, 0);
		context.lineTo(-r, r);
		context.closePath();
		context.moveTo(r, -r);
		context.lineTo(0, 0);
		context.lineTo(r, r);
		context.closePath();
	}
};

/**
 * Marker shapes. Every kind of row on the page (each kind of event, each kind of provider action) has
 * its own shape, so a shape means one thing everywhere and colour is never the only cue.
 */
export const SHAPES = {
	circle: symbolCircle,
	square: symbolSquare,
	diamond: symbolDiamond,
	triangle: symbolTriangle,
	cross: symbolCross,
	times: symbolTimes,
	star: symbolStar,
	wye: symbolWye,
	pentagon: polygon(5),
	hexagon: polygon(6),
	triangleDown: polygon(3, Math.PI),
	bowtie
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
