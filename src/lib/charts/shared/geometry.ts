/** Two decimals are sub-pixel at any width we support, and keep the prerendered HTML small. */
export function round(value: number): number {
	return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** Percent for an SVG attribute; never NaN or Infinity, whatever the data. */
export function pct(value: number): string {
	return `${round(value)}%`;
}
