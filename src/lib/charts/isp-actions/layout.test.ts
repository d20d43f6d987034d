import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../data/validate';
import { BLOCK_GAP, HEADER, LANE, layoutBlocks } from './layout';

const file = 'data/isp-actions.csv';
const rows = validateDataset('isp-actions', readFileSync(file), file).rows;

describe('layoutBlocks', () => {
	const { blocks, placed, height } = layoutBlocks(rows);
	const yOf = (isp: string, action: string) =>
		placed.find((mark) => mark.row.isp === isp && mark.row.action === action)!.y;

	it('orders providers by their first action, BT first', () => {
		expect(blocks.map((block) => block.isp)).toEqual(['BT', 'Plusnet', 'Sky', 'UK ISPs']);
	});

	it('places every action exactly once', () => {
		expect(placed).toHaveLength(rows.length);
	});

	it("gives BT's overlapping early-October actions different lanes", () => {
		const refused = yOf('BT', 'refused-disclosure');
		const sought = yOf('BT', 'sought-suspension');
		expect(refused).not.toBe(sought);
		expect(yOf('Plusnet', 'refused-disclosure')).not.toBe(yOf('Plusnet', 'sought-suspension'));
		expect(blocks[0]!.lanes).toBe(3);
	});

	it('reuses a lane once an action is well clear of the previous one', () => {
		expect(yOf('BT', 'deleted-records')).toBe(yOf('BT', 'disclosed-subscribers'));
	});

	it('keeps every mark inside its own provider block', () => {
		for (const mark of placed) {
			const block = blocks.find((b) => b.isp === mark.row.isp)!;
			expect(mark.y).toBeGreaterThanOrEqual(block.top + HEADER);
			expect(mark.y).toBeLessThan(block.top + HEADER + block.lanes * LANE);
		}
		const last = blocks.at(-1)!;
		expect(height).toBeGreaterThan(last.top + HEADER + last.lanes * LANE + BLOCK_GAP - 1);
	});

	it('lays out nothing for no rows', () => {
		expect(layoutBlocks([]).blocks).toEqual([]);
	});
});
