import * as fs from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishDataset } from '../../src/lib/editor/publish.server';
import { editorApi } from './editor-save';

const FIXTURE = 'tests/fixtures/project';
const temp = fs.mkdtempSync(join(tmpdir(), 'editor-save-'));
const root = join(temp, 'project');
const published = () => fs.readFileSync(join(root, 'data/downloads.csv'), 'utf8');

/** Every file under data/ (the undo folder too) with its bytes, to prove nothing was touched. */
function snapshot(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of fs.readdirSync(join(root, 'data'), {
		recursive: true,
		withFileTypes: true
	})) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files[relative(root, path)] = fs.readFileSync(path, 'base64');
	}
	return files;
}

let server: Server;
let origin = '';
beforeAll(async () => {
	server = createServer((req, res) =>
		editorApi(root)(req, res, () => {
			res.statusCode = 418;
			res.end();
		})
	);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.close();
	fs.rmSync(temp, { recursive: true, force: true });
});
beforeEach(() => {
	fs.rmSync(root, { recursive: true, force: true });
	fs.cpSync(FIXTURE, root, { recursive: true });
});

function post(action: string, body: unknown, headers: Record<string, string> = {}) {
	return fetch(`${origin}/__editor/${action}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
		body: JSON.stringify(body)
	});
}

describe('the dev server publish endpoint', () => {
	it('publishes a valid file, keeps the old one, and undoes once', async () => {
		const before = published();
		const text = before.replace('Fury,1200000,', 'Fury,1300000,');
		const saved = await post('save', { id: 'downloads', text });
		expect(saved.status).toBe(200);
		expect(published()).toBe(text);
		expect(fs.readFileSync(join(root, 'data/.undo/downloads.csv'), 'utf8')).toBe(before);
		const status = await (await fetch(`${origin}/__editor/status`)).json();
		expect(status.undo.downloads).toBe(true);

		expect((await post('undo', { id: 'downloads' })).status).toBe(200);
		expect(published()).toBe(before);
		const again = await post('undo', { id: 'downloads' });
		expect(again.status).toBe(404);
		expect(published()).toBe(before);
	});

	it('writes the clean form of a spreadsheet export', async () => {
		const before = published();
		const excel =
			'\uFEFF' + before.replace('Fury,1200000,', 'Fury,"1,300,000",').replaceAll('\n', '\r\n');
		expect((await post('save', { id: 'downloads', text: excel })).status).toBe(200);
		expect(published()).toBe(before.replace('Fury,1200000,', 'Fury,1300000,'));
	});

	it('refuses an invalid file with located messages and leaves data/ byte-identical', async () => {
		const files = snapshot();
		const text = published().replace('Fury,1200000,', 'Fury,lots,');
		const refused = await post('save', { id: 'downloads', text });
		expect(refused.status).toBe(422);
		const body = await refused.json();
		expect(body.errors[0]).toMatch(/^data\/downloads\.csv:2:downloads: "lots"/);
		expect(snapshot()).toEqual(files);
	});

	it('refuses a file the story can no longer read its figures from', async () => {
		const files = snapshot();
		const text = published()
			.split('\n')
			.filter((line) => !line.startsWith('Fury,'))
			.join('\n');
		const refused = await post('save', { id: 'downloads', text });
		expect(refused.status).toBe(422);
		expect((await refused.json()).errors.join('\n')).toMatch(/story\.aml:\d+: step \d+: .*Fury/);
		expect(snapshot()).toEqual(files);
	});

	it.each([
		['another origin', { Origin: 'http://evil.example' }],
		['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
		['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }]
	])('refuses %s', async (_, headers) => {
		const files = snapshot();
		const text = published().replace('Fury,1200000,', 'Fury,1300000,');
		expect((await post('save', { id: 'downloads', text }, headers)).status).toBe(403);
		expect(snapshot()).toEqual(files);
	});

	it('refuses a request naming another host (DNS rebinding)', async () => {
		const files = snapshot();
		const { port } = server.address() as AddressInfo;
		const text = JSON.stringify({ id: 'downloads', text: published().replace('1200000', '1') });
		// fetch won't set Host, so this one is sent by hand.
		const status = await new Promise<number>((done, fail) => {
			const req = request(
				{
					host: '127.0.0.1',
					port,
					path: '/__editor/save',
					method: 'POST',
					headers: {
						Host: `evil.example:${port}`,
						Origin: `http://evil.example:${port}`,
						'Content-Type': 'application/json'
					}
				},
				(res) => {
					res.resume();
					done(res.statusCode ?? 0);
				}
			);
			req.on('error', fail);
			req.end(text);
		});
		expect(status).toBe(403);
		expect(snapshot()).toEqual(files);
	});
});

describe('publishDataset when the write fails midway', () => {
	it('leaves the published file intact and no temporary file behind', () => {
		const files = snapshot();
		const target = join(root, 'data/downloads.csv');
		const failing = {
			...fs,
			renameSync(from: fs.PathLike, to: fs.PathLike) {
				if (String(to) === target) throw new Error('EIO: disk gone');
				fs.renameSync(from, to);
			}
		};
		const text = published().replace('Fury,1200000,', 'Fury,1300000,');
		const result = publishDataset(root, 'downloads', text, failing);
		expect(result).toMatchObject({ ok: false, status: 500 });
		expect(result.ok ? '' : result.errors[0]).toMatch(
			/^data\/downloads\.csv: could not be written \(EIO: disk gone\); the published file is unchanged/
		);
		const after = snapshot();
		expect(after['data/downloads.csv']).toBe(files['data/downloads.csv']);
		expect(Object.keys(after).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
