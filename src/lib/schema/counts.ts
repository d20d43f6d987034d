export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MULTIPLIERS: Record<string, number> = {
	k: 1e3,
	thousand: 1e3,
	m: 1e6,
	mn: 1e6,
	million: 1e6,
	bn: 1e9,
	billion: 1e9
};

/**
 * A whole, non-negative count. Thousands separators a spreadsheet may add (`1,200,000`, `1 200 000`)
 * are accepted; forms a reader could take two ways (`1.200.000`, `1.2m`) are refused with the fix.
 */
export function parseCount(raw: string): Parsed<number> {
	const text = raw.trim();
	const shown = JSON.stringify(text);
	if (/^-\s*[\d.,]+$/.test(text))
		return { ok: false, message: `${shown} is negative; a count can't be below 0` };
	if (/^\d+$/.test(text)) return safe(Number(text), shown);
	if (/^\d{1,3}(,\d{3})+$/.test(text)) return safe(Number(text.replaceAll(',', '')), shown);
	if (/^\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(text))
		return safe(Number(text.replace(/\D/g, '')), shown);
	if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) {
		const digits = text.replaceAll('.', '');
		return {
			ok: false,
			message: `${shown} is ambiguous: dots between thousands read as a decimal point in English; write ${digits} or ${Number(digits).toLocaleString('en-GB')}`
		};
	}
	const short = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)$/i.exec(text);
	const multiplier = short ? MULTIPLIERS[short[2]!.toLowerCase()] : undefined;
	if (short && multiplier) {
		const guess = Math.round(Number(short[1]!.replace(',', '.')) * multiplier);
		return { ok: false, message: `${shown} is not a whole number; did you mean ${guess}?` };
	}
	if (/^\d*\.\d+$/.test(text)) {
		return {
			ok: false,
			message: `${shown} has a fraction; a count must be a whole number like 1200000`
		};
	}
	return { ok: false, message: `${shown} is not a number; write digits only, e.g. 1200000` };
}

function safe(value: number, shown: string): Parsed<number> {
	if (!Number.isSafeInteger(value))
		return { ok: false, message: `${shown} is too large to be a count` };
	return { ok: true, value };
}
