/**
 * Writes `file.gz` and `file.br` next to each text file of the build, at maximum compression, so
 * `npm start` (sirv), nginx (gzip_static) and CDNs that honour them serve compressed bytes without
 * compressing on every request. The originals stay: the budget measures them, and clients without
 * gzip get them.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|csv|txt|xml|webmanifest)$/;

export interface Compressed {
	files: number;
	bytes: number;
	gzipBytes: number;
	brotliBytes: number;
}

/** Compresses one file; skips a variant that would not be smaller than the original. */
function compressFile(path: string, totals: Compressed): void {
	const content = readFileSync(path);
	const gz = gzipSync(content, { level: 9 });
	const br = brotliCompressSync(content, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: content.length
		}
	});
	totals.files += 1;
	totals.bytes += content.length;
	totals.gzipBytes += Math.min(gz.length, content.length);
	totals.brotliBytes += Math.min(br.length, content.length);
	if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
	if (br.length < content.length) writeFileSync(`${path}.br`, br);
}

export function precompress(dir: string): Compressed {
	const totals: Compressed = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
	const visit = (path: string): void => {
		for (const name of readdirSync(path)) {
			const child = join(path, name);
			if (statSync(child).isDirectory()) visit(child);
			else if (COMPRESSIBLE.test(name)) compressFile(child, totals);
		}
	};
	visit(dir);
	return totals;
}
