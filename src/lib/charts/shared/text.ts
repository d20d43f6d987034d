/**
 * SVG text can't wrap, so very long labels are shortened in the chart; the full text is always in the
 * mark's <title> and in the data table.
 */
export function shorten(text: string, max = 38): string {
	const chars = [...text];
	return chars.length <= max
		? text
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}
