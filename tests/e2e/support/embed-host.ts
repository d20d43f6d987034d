import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * A newsroom's article page on another origin (127.0.0.1 on a port of its own; the embeds come from
 * `localhost`), in the ways a host can frame our charts. Each page has one container whose width
 * the tests change, like a CMS column reflowing.
 */
export type HostMode = 'pym' | 'loader' | 'amp' | 'plain' | 'wordpress';

/**
 * WordPress's wp-embed.js (wp-includes/js/wp-embed.js), reduced to its height handling: it trusts a
 * message whose `secret` matches an iframe's data-secret and whose source is that iframe's window, shows
 * the frame (it starts clipped out of sight) and sets its height, clamped to 200–1000 px. It then asks
 * each frame for its height with {message: 'ready', secret}.
 */
const WP_EMBED = `<script>addEventListener('message', function (e) {
	var d = e.data; if (!d || !d.secret || /[^a-zA-Z0-9]/.test(d.secret)) return;
	document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
		if (e.source !== f.contentWindow) return;
		f.removeAttribute('style');
		if (d.message === 'height') { var h = parseInt(d.value, 10); f.height = h > 1000 ? 1000 : h < 200 ? 200 : h; }
	});
});
document.querySelectorAll('iframe.wp-embedded-content').forEach(function (f) {
	f.addEventListener('load', function () { f.contentWindow.postMessage({ message: 'ready', secret: f.getAttribute('data-secret') }, '*'); });
});</script>`;

/**
 * Our oEmbed code as WordPress publishes it from a provider it doesn't trust (wp_filter_oembed_result):
 * scripts stripped, iframe attributes cut to its allowed list (no `loading`, no `style`), the iframe
 * sandboxed (`allow-scripts` only, so the frame has an opaque origin), clipped out of sight until its
 * first height message, and `#?secret=` on its URL.
 */
const WP_ALLOWED = [
	'src',
	'width',
	'height',
	'frameborder',
	'marginwidth',
	'marginheight',
	'scrolling',
	'title',
	'class'
];

export function wordpressCode(code: string, secret = 'Wp3mb3dS3cr'): string {
	const tag = /<iframe\b[^>]*>/.exec(code)?.[0] ?? '';
	const attributes = Array.from(tag.matchAll(/([a-z-]+)="([^"]*)"/g))
		.filter(([, name]) => WP_ALLOWED.includes(name!))
		.map(([, name, value]) =>
			name === 'src' ? `src="${value}#?secret=${secret}"` : `${name}="${value}"`
		);
	return (
		`<iframe ${attributes.join(' ')} class="wp-embedded-content" sandbox="allow-scripts" security="restricted" ` +
		`style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" data-secret="${secret}"></iframe>` +
		WP_EMBED
	);
}

const pymSource = readFileSync(
	createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.js'),
	'utf8'
);

const esc = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

function hostPage({ mode, src, code, width }: HostOptions): string {
	let body = '';
	if (mode === 'pym') {
		body =
			'<div id="embed"></div><script src="/pym.v1.js"></script>' +
			`<script>window.pymParent = new pym.Parent('embed', ${JSON.stringify(src)}, {});</script>`;
	} else if (mode === 'loader') {
		// Our embed code as pasted, plus a sibling frame that forges height messages.
		body = `<div id="embed">${code}</div><iframe id="hostile" src="/hostile" title="ad"></iframe>`;
	} else if (mode === 'plain') {
		body = `<div id="embed">${code.replace(/<script[^>]*><\/script>/, '')}</div>`;
	} else if (mode === 'wordpress') {
		body = `<div id="embed">${wordpressCode(code)}</div>`;
	} else {
		// An AMP-style host: sizes the frame from {sentinel: 'amp', type: 'embed-size'} and logs every
		// message the frame sends, so the test can read the four formats.
		body =
			`<div id="embed"><iframe src="${esc(src)}" title="chart" width="100%" height="150" style="border:0"></iframe></div>` +
			`<script>window.received = [];
			const frame = document.querySelector('#embed iframe');
			addEventListener('message', (e) => {
				if (e.source !== frame.contentWindow) return;
				window.received.push(e.data);
				const d = e.data;
				if (d && d.sentinel === 'amp' && d.type === 'embed-size') frame.style.height = d.height + 'px';
			});</script>`;
	}
	return (
		'<!doctype html><html><head><meta charset="utf-8"><title>Host article</title>' +
		'<style>body{margin:8px;font:16px serif}#embed{width:' +
		`${width}px}iframe#hostile{width:300px;height:50px}</style></head>` +
		`<body><p>Article text before the chart.</p>${body}<p>Article text after.</p></body></html>`
	);
}

/** Posts forged heights in every format as fast as a timer allows; our loader must ignore them. */
const HOSTILE =
	'<!doctype html><script>setInterval(() => {' +
	"for (const h of [3, 4321]) { parent.postMessage('pymxPYMxembedxPYMxheightxPYMx' + h, '*');" +
	"parent.postMessage({ 'datawrapper-height': { downloads: h } }, '*');" +
	"parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');" +
	"parent.postMessage(JSON.stringify({ src: 'x', context: 'iframe.resize', height: h }), '*'); }" +
	'}, 20);</script>';

export interface Host {
	/** A host page framing one embed in the given way. */
	url(options: HostOptions): string;
	/** A host page with the given body, and styles or scripts in its head. */
	page(body: string, head?: string): string;
	close(): Promise<void>;
}

export async function startHost(): Promise<Host> {
	const pages = new Map<string, string>();
	let next = 0;
	const server: Server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0]!;
		const send = (type: string, body: string) => {
			res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
			res.end(body);
		};
		if (path === '/pym.v1.js') return send('text/javascript', pymSource);
		if (path === '/hostile') return send('text/html', HOSTILE);
		const page = pages.get(path);
		if (page) return send('text/html; charset=utf-8', page);
		res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const add = (html: string) => {
		const path = `/article-${next++}`;
		pages.set(path, html);
		return `http://127.0.0.1:${port}${path}`;
	};
	return {
		url: (options) => add(hostPage(options)),
		page: (body, head = '') =>
			add(
				`<!doctype html><html><head><meta charset="utf-8"><title>Host</title>${head}</head><body>${body}</body></html>`
			),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
