import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../schema/datasets';
import { validateDataset } from './validate';

const HEADERS = {
	downloads: 'label,downloads,qualifier,measure,counted_by,as_of,note,source',
	'isp-actions': 'date,precision,isp,action,detail,count,count_qualifier,note,source',
	timeline: 'date,precision,event,category,note,source',
	corrections: 'date,chart,what_changed,why',
	quotes: 'quote,speaker,note,source'
};

/** Cells built from the characters that break CSV parsers: quotes, delimiters, line ends, BOMs. */
const nasty = fc.string({
	unit: fc.constantFrom(
		...'",;\t\r\n \uFEFF=-+@.0123456789abcdefm/|:'.split(''),
		'http://x.y',
		'2014-02-30',
		'1,200,000',
		'Fury'
	),
	maxLength: 60
});

/** Either an arbitrary string or a real header followed by arbitrary rows, so validation is reached. */
const contents = (id: keyof typeof HEADERS) =>
	fc.oneof(
		fc.string({ maxLength: 200 }),
		nasty,
		fc
			.tuple(
				fc.constantFrom(',', ';', '\t'),
				fc.array(fc.array(nasty, { maxLength: 10 }), { maxLength: 8 })
			)
			.map(
				([delimiter, rows]) =>
					`${HEADERS[id].replaceAll(',', delimiter)}\n${rows.map((cells) => cells.join(delimiter)).join('\n')}`
			)
	);

const bytes = fc.uint8Array({ maxLength: 300 });

describe('validateDataset never throws', () => {
	for (const id of DATASET_IDS) {
		it(`returns rows or located issues for any text as ${id}`, () => {
			fc.assert(
				fc.property(contents(id), (text) => {
					const result = validateDataset(id, text, 'data/x.csv');
					expect(Array.isArray(result.rows)).toBe(true);
					for (const issue of result.issues) {
						expect(issue.file).toBe('data/x.csv');
						expect(issue.message.length).toBeGreaterThan(0);
						if (issue.row !== undefined) expect(issue.row).toBeGreaterThanOrEqual(1);
					}
					// A file that yields no rows must say why (corrections alone may be empty).
					if (result.rows.length === 0 && id !== 'corrections')
						expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
					// The guard in validateDataset turns our own bugs into a message; none may reach it.
					expect(result.issues.map((issue) => issue.message).join('\n')).not.toContain(
						'please report this file'
					);
				}),
				{ numRuns: 300 }
			);
		});
	}

	it('returns rows or located issues for any bytes', () => {
		fc.assert(
			fc.property(bytes, (data) => {
				const result = validateDataset('timeline', data, 'data/timeline.csv');
				expect(result.rows.length > 0 || result.issues.length > 0).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
