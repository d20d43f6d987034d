/**
 * Writes `file.gz` and `file.br` next to each text file of the build, at maximum compression, so
 * `npm start` (sirv), nginx (gzip_static) and CDNs that honour them serve compressed bytes without
 * compressing on every request. The originals stay: the budget measures them, and clients without
 * gzip get them.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|csv|txt|xml|webmanifest)$/;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface Compressed {
	files: number;
	bytes: number;
	gzipBytes: number;
	brotliBytes: number;
}

export interface PrecompressOptions {
	/** Called after each file's copies are written (scripts/build.ts pauses here for its test hook). */
	afterFile?: (done: number, total: number) => Promise<void> | void;
}

/** Compresses one file; skips a variant that would not be smaller than the original. */
async function compressFile(path: string, totals: Compressed): Promise<void> {
	const content = await readFile(path);
	// The async zlib calls run on libuv's thread pool, so files compress in parallel on every core.
	const [gz, br] = await Promise.all([
		gzipAsync(content, { level: 9 }),
		brotliAsync(content, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_SIZE_HINT]: content.length
			}
		})
	]);
	totals.files += 1;
	totals.bytes += content.length;
	totals.gzipBytes += Math.min(gz.length, content.length);
	totals.brotliBytes += Math.min(br.length, content.length);
	if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
	if (br.length < content.length) await writeFile(`${path}.br`, br);
}

function compressibleFiles(path: string): string[] {
	return readdirSync(path)
		.sort()
		.flatMap((name) => {
			const child = join(path, name);
			if (statSync(child).isDirectory()) return compressibleFiles(child);
			return COMPRESSIBLE.test(name) ? [child] : [];
		});
}

/** libuv's pool has 4 threads by default; more files in flight would only queue there. */
const IN_FLIGHT = 4;

export async function precompress(
	dir: string,
	options: PrecompressOptions = {}
): Promise<Compressed> {
	const totals: Compressed = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
	const queue = compressibleFiles(dir);
	const total = queue.length;
	let done = 0;
	const worker = async (): Promise<void> => {
		for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
			await compressFile(path, totals);
			done += 1;
			await options.afterFile?.(done, total);
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
	return totals;
}
