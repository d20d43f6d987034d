import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { MAX_CSV_BYTES } from '../../src/lib/data/decode';
import { publishDataset, undoFile, undoPublish } from '../../src/lib/editor/publish.server';
import { CHART_IDS } from '../../src/lib/charts/chart-ids';
import { isDatasetId, type DatasetId } from '../../src/lib/schema/datasets';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * /editor/'s "Publish to data/" under `npm run dev` only (`apply: 'serve'`; the static build has no
 * server): GET /__editor/status, POST /__editor/save {id, text}, POST /__editor/undo {id}.
 * It writes into the checkout, so it answers only this machine: a loopback peer, a localhost Host
 * (a DNS-rebinding page would send its own name) and, for writes, a same-origin JSON request (a form
 * or a cross-site page can't send one without a CORS preflight, which nothing here answers).
 */
export const EDITOR_API = '/__editor/';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

export function isLocalRequest(req: IncomingMessage): string | undefined {
	if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return 'only this computer may publish';
	const host = req.headers.host ?? '';
	if (!LOCAL_HOST.test(host)) return `publishing answers only on localhost, not ${host}`;
	if (req.method === 'GET') return undefined;
	const origin = req.headers.origin;
	if (origin !== `http://${host}` && origin !== `https://${host}`)
		return 'cross-origin request refused';
	const site = req.headers['sec-fetch-site'];
	if (site !== undefined && site !== 'same-origin') return 'cross-site request refused';
	if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
		return 'send JSON (Content-Type: application/json)';
	return undefined;
}

function send(res: ServerResponse, status: number, body: unknown) {
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.end(JSON.stringify(body));
}

/** The request body, refused past a little more than the largest CSV the build accepts. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_CSV_BYTES * 2) {
				resolve(undefined);
				req.destroy();
			} else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The connect middleware, for a root folder; exported for the tests. */
export function editorApi(root: string) {
	return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		const path = (req.url ?? '').split('?')[0]!;
		if (!path.startsWith(EDITOR_API)) return next();
		const refused = isLocalRequest(req);
		if (refused) return send(res, 403, { ok: false, errors: [refused] });
		const action = path.slice(EDITOR_API.length);
		if (req.method === 'GET' && action === 'status') {
			const undo = Object.fromEntries(
				CHART_IDS.map((id) => [id, existsSync(join(root, undoFile(id)))])
			);
			return send(res, 200, { ok: true, undo });
		}
		if (req.method !== 'POST' || (action !== 'save' && action !== 'undo'))
			return send(res, 404, { ok: false, errors: [`no ${req.method} ${path} here`] });
		const raw = await readBody(req);
		if (raw === undefined) return send(res, 413, { ok: false, errors: ['file too large'] });
		let body: { id?: unknown; text?: unknown };
		try {
			body = JSON.parse(raw) as typeof body;
		} catch {
			return send(res, 400, { ok: false, errors: ['the request is not JSON'] });
		}
		const id = typeof body.id === 'string' && isDatasetId(body.id) ? body.id : undefined;
		if (!id) return send(res, 400, { ok: false, errors: [`unknown dataset ${String(body.id)}`] });
		if (action === 'undo') return reply(res, undoPublish(root, id));
		if (typeof body.text !== 'string')
			return send(res, 400, { ok: false, errors: ['no file contents (text) sent'] });
		return reply(res, publishDataset(root, id as DatasetId, body.text));
	};
}

function reply(res: ServerResponse, result: ReturnType<typeof publishDataset>) {
	send(res, result.ok ? 200 : result.status, result);
}

export function editorSave(): Plugin {
	return {
		name: 'editor-save',
		apply: 'serve',
		configureServer(server) {
			server.middlewares.use(editorApi(server.config.root));
		}
	};
}
