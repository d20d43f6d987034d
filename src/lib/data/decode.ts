import { quote } from './issues';

/** Editors' files are small tables; anything bigger is a mistake (a wrong file, an export gone wrong). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

export function sizeLimitMessage(byteLength: number): string {
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
	return `file is ${mb(byteLength)}, over the ${mb(MAX_CSV_BYTES)} limit for a data file; check you picked the right file`;
}

/** Turns raw bytes into text, refusing what is not a UTF-8 text file and saying what it looks like instead. */
export function decodeCsvBytes(bytes: Uint8Array): Decoded {
	if (bytes.byteLength > MAX_CSV_BYTES)
		return { ok: false, message: sizeLimitMessage(bytes.byteLength) };
	if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) {
		return {
			ok: false,
			message:
				'file is UTF-16 text, not UTF-8; in your spreadsheet use "Save as… CSV UTF-8 (comma delimited)"'
		};
	}
	const head = bytes.subarray(0, 8192);
	if (head.includes(0)) {
		return { ok: false, message: 'file looks binary (it contains NUL bytes), not a CSV text file' };
	}
	try {
		return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
	} catch {
		return { ok: false, message: notUtf8Message(bytes) };
	}
}

function notUtf8Message(bytes: Uint8Array): string {
	const lenient = new TextDecoder('utf-8').decode(bytes);
	const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
	const row = before.split('\n').length;
	const latin1 = new TextDecoder('windows-1252').decode(bytes);
	const offset = new TextEncoder().encode(before).length;
	const near = latin1.slice(Math.max(0, offset - 12), offset + 12).replace(/\s+/g, ' ');
	return (
		`file is not UTF-8; it looks like Windows-1252 (Latin-1) text (first bad byte on row ${row}, near ${quote(near)}); ` +
		'save it again as "CSV UTF-8"'
	);
}

export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
