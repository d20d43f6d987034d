import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from './issues';
import { readDataFile } from './load.server';
import { validateDataset } from './validate';

/** Files that are wrong in ways no editor means: each must get one clear message, never a crash. */

const HEADER = 'label,downloads,qualifier,measure,counted_by,as_of,note,source\n';
const ROW = 'Fury,5,exact,downloads,Excipio,2014-12-04,,https://example.com/\n';
const ROOT = resolve(import.meta.dirname, '../../..');

let dir: string;
const path = (name: string) => join(dir, name);
const NAMES = ['big.csv', 'binary.csv', 'blank-lines.csv', 'quotes.csv', 'header-only.csv'];

/**
 * `data:check` on every hostile file, started as soon as they exist: Node and tsx start up, and the
 * million lines are read, on the other core while the in-process tests run. Its test awaits it.
 */
let cli: Promise<{ status: number | null; output: string }>;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'hostile-data-'));
	writeFileSync(path('big.csv'), HEADER + ROW);
	truncateSync(path('big.csv'), 50 * 1024 * 1024);
	writeFileSync(path('binary.csv'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)));
	writeFileSync(
		path('blank-lines.csv'),
		`${HEADER}${'\n'.repeat(1_000_000)}Fury,lots,exact,downloads,Excipio,2014-12-04,,https://example.com/\n`
	);
	// A cell of 100,000 escaped quotes, then one that opens and never closes.
	writeFileSync(
		path('quotes.csv'),
		`${HEADER}"${'""'.repeat(100_000)}",5,exact,downloads,Excipio,2014-12-04,"""a"",""b""",https://example.com/\n${'"'.repeat(200_001)}\n`
	);
	writeFileSync(path('header-only.csv'), HEADER);
	cli = new Promise((done) => {
		const child = execFile(
			process.execPath,
			['--import', 'tsx', 'scripts/data-check.ts', '--as', 'downloads', ...NAMES.map(path)],
			{ cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
			(_, stdout, stderr) => done({ status: child.exitCode, output: stdout + stderr })
		);
	});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const said = new Map<string, string[]>();

/** What `data:check` and the build say about a file, as the editor reads it (read once per file). */
function messages(name: string): string[] {
	let lines = said.get(name);
	if (!lines) {
		const read = readDataFile(path(name), `data/${name}`);
		lines = read.bytes
			? validateDataset('downloads', read.bytes, `data/${name}`).issues.map(formatIssue)
			: [formatIssue(read.issue!)];
		said.set(name, lines);
	}
	return lines;
}

describe('hostile files', () => {
	it('refuses a 50 MB file by its size, without reading it', () => {
		expect(messages('big.csv')).toEqual([
			'data/big.csv: file is 50.0 MB, over the 2.0 MB limit for a data file; check you picked the right file'
		]);
		// The editor hands over bytes it already holds: the same refusal, before decoding.
		const bytes = new Uint8Array(50 * 1024 * 1024);
		expect(validateDataset('downloads', bytes, 'drop.csv').issues.map(formatIssue)).toEqual([
			'drop.csv: file is 50.0 MB, over the 2.0 MB limit for a data file; check you picked the right file'
		]);
	});

	it('says a binary file is binary', () => {
		expect(messages('binary.csv')).toEqual([
			'data/binary.csv: file looks binary (it contains NUL bytes), not a CSV text file'
		]);
	});

	// A million lines take seconds to parse on a busy 2-core machine: past vitest's 5 s default.
	it(
		'reads past a million empty lines and still names the right spreadsheet row',
		{ timeout: 30_000 },
		() => {
			expect(messages('blank-lines.csv')).toEqual([
				'data/blank-lines.csv:1000002:downloads: "lots" is not a number; write digits only, e.g. 1200000'
			]);
		}
	);

	it('keeps a cell of 100,000 quotes as text and locates the quote that never closes', () => {
		const read = readDataFile(path('quotes.csv'), 'data/quotes.csv');
		const result = validateDataset('downloads', read.bytes!, 'data/quotes.csv');
		expect(result.issues.map(formatIssue)).toEqual([
			'data/quotes.csv:3: a quoted cell is never closed; add the missing closing " (a cell that contains a comma or a line break must be wrapped in "…")'
		]);
		expect(result.rows[0]?.label).toBe('"'.repeat(100_000));
		expect(result.rows[0]?.note).toBe('"a","b"');
	});

	it('asks for data rows when there is only a header', () => {
		expect(messages('header-only.csv')).toEqual([
			'data/header-only.csv:2: file has a header but no data rows'
		]);
	});

	it('data:check prints the same lines and exits 1, without a stack trace', async () => {
		const { status, output } = await cli;
		expect(status).toBe(1);
		expect(output).not.toMatch(/\n\s+at /);
		for (const name of NAMES) {
			const [first] = messages(name);
			expect(output).toContain(first!.replace(`data/${name}`, path(name)));
		}
	}, 60_000);
});

describe('free text and links', () => {
	const csv = (label: string, source: string) =>
		`${HEADER}"${label.replaceAll('"', '""')}",5,exact,downloads,Excipio,2014-12-04,,"${source.replaceAll('"', '""')}"\n`;

	it('refuses a source link that is not http(s), naming file, row and column', () => {
		for (const [source, scheme] of [
			['javascript:alert(1)', 'javascript'],
			['JaVaScRiPt:alert(1)', 'javascript'],
			['data:text/html,<script>alert(1)</script>', 'data'],
			['vbscript:msgbox', 'vbscript']
		]) {
			const result = validateDataset('downloads', csv('Fury', source!), 'data/downloads.csv');
			expect(result.rows).toEqual([]);
			expect(result.issues.map(formatIssue)).toEqual([
				`data/downloads.csv:2:source: ${JSON.stringify(source!.slice(0, 40))} uses the "${scheme}:" scheme; only http: and https: links are allowed`
			]);
		}
	});

	it('keeps a scheme-like source that is not a link as plain text, never as a URL', () => {
		const result = validateDataset(
			'downloads',
			csv('Fury', 'javascript: alert(document.cookie), 4 December 2014'),
			'data/downloads.csv'
		);
		expect(result.issues).toEqual([]);
		expect(result.rows[0]?.source[0]?.url).toBeUndefined();
	});

	it('accepts markup, bidi controls, emoji and 10,000 characters as the text they are', () => {
		for (const label of [
			'<script>alert(1)</script>',
			'"><img src=x onerror=alert(1)>',
			'<svg onload=alert(1)>',
			'\u202eevil\u2066',
			'🏴‍☠️ 👨‍👩‍👧',
			'x'.repeat(10_000)
		]) {
			const result = validateDataset('downloads', csv(label, 'https://example.com/'), 'f.csv');
			expect(result.issues).toEqual([]);
			expect(result.rows[0]?.label).toBe(label);
		}
	});

	it('treats an unknown internet provider as text, not a mistake', () => {
		const result = validateDataset(
			'isp-actions',
			'date,precision,isp,action,detail,count,count_qualifier,note,source\n' +
				'2014-12-01,day,Unknown ISP <b>Ltd</b>,blocked-sites,Blocked a site,,,,https://example.com/\n',
			'data/isp-actions.csv'
		);
		expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
		expect(result.rows[0]?.isp).toBe('Unknown ISP <b>Ltd</b>');
	});
});
