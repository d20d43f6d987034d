/**
 * Screens a raw request target before it reaches sirv. sirv swallows decode errors and would
 * look the raw string up as a file name; we would rather answer 400 than guess.
 */

export type PathCheck = { ok: true; pathname: string } | { ok: false; reason: string };

export function checkRequestPath(url: string | undefined): PathCheck {
	const raw = (url ?? '').split(/[?#]/, 1)[0] ?? '';
	// Absolute-form targets (`GET http://host/…`) and `*` are legal HTTP but never a file here.
	if (!raw.startsWith('/')) return { ok: false, reason: 'request target is not a path' };

	let pathname: string;
	try {
		pathname = decodeURIComponent(raw);
	} catch {
		return { ok: false, reason: 'malformed percent-encoding' };
	}
	if (pathname.includes('\0')) return { ok: false, reason: 'NUL byte in path' };
	// Check both separators: `%5c..%5c` is a parent step on Windows even though it isn't here.
	if (pathname.split(/[/\\]/).includes('..')) return { ok: false, reason: 'parent segment' };
	return { ok: true, pathname };
}
