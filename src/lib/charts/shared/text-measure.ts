/**
 * Text measured without a browser: for what the server draws itself (snapshot cards) and for what it
 * must promise before any browser has drawn the page (an embed's no-script height). Glyph widths are an
 * average per em, set a little over the fallback fonts' (DejaVu Sans runs about 0.55 em, 0.6 em bold),
 * so an estimate errs tall.
 */

/** East Asian wide characters, about one em each: counted as two average glyphs. */
const WIDE =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** A text's width in average glyphs (an emoji, two UTF-16 units, counts as two). */
export const glyphs = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

/** How many average glyphs a line of this width holds. */
const glyphsPerLine = (fontSize: number, width: number, em: number) =>
	Math.max(8, Math.floor(width / (fontSize * em)));

/** Greedy wrapping by an average glyph width. */
export function wrapText(text: string, fontSize: number, width: number, em = 0.58): string[] {
	const max = glyphsPerLine(fontSize, width, em);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && glyphs(line) + 1 + glyphs(word) > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * A block of text on a chart's page, for its height: paragraphs or list items stacked (each `texts`
 * entry starts a line), or items side by side that wrap into rows (a key).
 */
export interface TextBlock {
	texts: string[];
	/** Font size and line height, px. */
	px: number;
	lineHeight: number;
	/** Space above the block, and between its stacked items, px. */
	space: number;
	between?: number;
	/** Width each item loses to a marker, badge or indent, px. */
	indent?: number;
	/** Items flow side by side with this gap, px, wrapping into rows `between` apart. */
	inline?: number;
	bold?: boolean;
}

/** What a chart's page stacks: fixed heights (a plot, a closed table) and blocks of text. */
export interface PageBlocks {
	fixed: number;
	texts: TextBlock[];
}

const EM = 0.58;
const BOLD_EM = 0.64;

/** Height of a block of text at a width, px: an over-estimate, never an under-estimate for Latin text. */
export function textBlockHeight(block: TextBlock, width: number): number {
	const texts = block.texts.filter((text) => text.trim());
	if (texts.length === 0) return 0;
	const indent = block.indent ?? 0;
	const between = block.between ?? 0;
	const em = block.bold ? BOLD_EM : EM;
	const perLine = glyphsPerLine(block.px, width - indent, em);
	/** Its lines, counting a word too long for one as the lines the page breaks it into
	 *  (overflow-wrap: break-word), which wrapText does not; and its widest line, in glyphs. */
	const measure = (text: string) => {
		const lines = wrapText(text, block.px, width - indent, em).map(glyphs);
		return {
			count: lines.reduce((sum, line) => sum + Math.ceil(line / perLine), 0),
			widest: Math.min(perLine, Math.max(...lines))
		};
	};
	if (block.inline === undefined) {
		const lines = texts.reduce((sum, text) => sum + measure(text).count, 0);
		return block.space + lines * block.lineHeight + between * (texts.length - 1);
	}
	let rows = 0;
	let rowLines = 1;
	let x = 0;
	for (const text of texts) {
		const item = measure(text);
		const itemWidth = indent + item.widest * block.px * em;
		if (x > 0 && x + itemWidth > width) {
			rows += rowLines;
			rowLines = 1;
			x = 0;
		}
		rowLines = Math.max(rowLines, item.count);
		x += itemWidth + block.inline;
	}
	rows += rowLines;
	return block.space + rows * block.lineHeight + between * (rows - 1);
}

export function pageBlocksHeight(blocks: PageBlocks, width: number): number {
	return blocks.texts.reduce((sum, block) => sum + textBlockHeight(block, width), blocks.fixed);
}
