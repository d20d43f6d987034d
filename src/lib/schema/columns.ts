import * as v from 'valibot';
import { parseCount, type Parsed } from './counts';
import { parseFuzzyDate, type FuzzyDate } from './dates';
import { parseSources, type SourceRef } from './sources';
import { closest } from './suggest';

/** One column of an editor's CSV: how a cell becomes a typed value, and what to tell the editor. */
export interface Column<T> {
	schema: v.GenericSchema<string, T>;
	required: boolean;
	/** What a good cell looks like, for messages and the editors' README. */
	expects: string;
}

function cell<T>(parse: (text: string) => Parsed<T>): v.GenericSchema<string, T> {
	return v.pipe(
		v.string(),
		v.rawTransform<string, T>(({ dataset, addIssue, NEVER }) => {
			const result = parse(dataset.value);
			if (result.ok) return result.value;
			addIssue({ message: result.message });
			return NEVER;
		})
	);
}

export function required<T>(schema: v.GenericSchema<string, T>, expects: string): Column<T> {
	return { schema, required: true, expects };
}

/** An optional column may be missing from the header or empty in a row; either way it reads as undefined. */
export function optional<T>(
	schema: v.GenericSchema<string, T>,
	expects: string
): Column<T | undefined> {
	return { schema: schema as v.GenericSchema<string, T | undefined>, required: false, expects };
}

export const text = () => cell((value) => ({ ok: true, value: value.trim() }));

export const count = () => cell(parseCount);

export const fuzzyDate = () =>
	cell<FuzzyDate>((value) => {
		const result = parseFuzzyDate(value);
		return result.ok ? { ok: true, value: result.date } : result;
	});

/** A single calendar day, for "as of" stamps where a range would be meaningless. */
export const day = () =>
	cell<string>((value) => {
		const result = parseFuzzyDate(value);
		if (!result.ok) return result;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(result.date.text)) {
			return {
				ok: false,
				message: `${JSON.stringify(value.trim())} must be a full day, YYYY-MM-DD`
			};
		}
		return { ok: true, value: result.date.start };
	});

export const oneOf = <const T extends string>(allowed: readonly T[]) =>
	cell<T>((value) => {
		const trimmed = value.trim();
		const exact = allowed.find((item) => item === trimmed || item === trimmed.toLowerCase());
		if (exact) return { ok: true, value: exact };
		const guess = closest(trimmed, allowed);
		const hint = guess ? `did you mean "${guess}"? ` : '';
		return {
			ok: false,
			message: `${JSON.stringify(trimmed)} is not allowed here; ${hint}use one of: ${allowed.join(', ')}`
		};
	});

export const sources = () => cell<SourceRef[]>(parseSources);

export const QUALIFIERS = ['exact', 'at-least', 'approximate'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

// Precisions live with the dates they qualify; re-exported here beside the other fixed lists.
export { PRECISIONS, type Precision } from './dates';
