import {
	heightMessages,
	isPymWidthRequest,
	isWordPressReady,
	readTheme,
	wholeHeight,
	wordpressSecret,
	type Sender
} from '../protocol';
import { queryOptions } from '../options';

/**
 * The embed page's only script: tells the page that frames it how tall the chart is, in every format
 * common parents understand (see protocol.ts), and takes the one message /embed.js may send, the theme
 * its host paints. It posts heights and ids only, reads nothing else from the parent and never navigates
 * it. It also applies the display options in the frame's query (options.ts). Without it the chart still
 * shows: the iframe's height attribute is the fallback, `<base target="_blank">` opens links outside
 * the frame, and a chart's fixed theme has a URL of its own.
 */
function applyOptions(root: HTMLElement, params: URLSearchParams) {
	const options = queryOptions(params);
	if (options.theme) root.dataset.theme = options.theme;
	if (options.plain) root.dataset.plain = '';
	if (options.transparent) root.dataset.transparent = '';
}

function stepRedirect(root: HTMLElement, params: URLSearchParams): boolean {
	// `?step=<n>` on a chart page is a deep link to /embed/<chart>/<n>/; a static host can't read the
	// query, so this is the script's job (no-JS readers get the chart's default state).
	const step = params.get('step');
	const steps = (root.dataset.embedSteps ?? '').split(' ');
	if (!step || !steps.includes(step)) return false;
	params.delete('step');
	const query = params.toString();
	location.replace(`${step}/${query ? `?${query}` : ''}${location.hash}`);
	return true;
}

function start() {
	const root = document.querySelector<HTMLElement>('[data-embed-id]');
	if (!root) return;
	// Links open in a new tab (<base target="_blank">); without an opener, the page can't reach back.
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]:not([target])'))
		link.relList.add('noopener');
	const params = new URLSearchParams(location.search);
	if (stepRedirect(root, params)) return;
	applyOptions(root, params);
	if (window.parent === window) return;

	const sender: Sender = {
		id: root.dataset.embedId!,
		childId: params.get('childId') || root.dataset.embedId!,
		src: location.href.replace(/#.*/, ''),
		secret: wordpressSecret(location.hash)
	};
	const html = document.documentElement;
	let sent = 0;
	// The html element's box is its content, whatever the frame's height, so a parent that sets the
	// frame to this height can't make it grow (scrollHeight would never shrink below the frame).
	const measure = () => wholeHeight(html.getBoundingClientRect().height);
	const post = (message: unknown) => window.parent.postMessage(message, '*');

	const send = () => {
		const height = measure();
		if (height === sent) return;
		sent = height;
		heightMessages(height, sender).forEach(post);
	};
	const observer = new ResizeObserver(send);
	observer.observe(html);
	// Chromium runs no rendering steps, so no ResizeObserver, in a cross-origin frame out of sight, and
	// WordPress clips its frames out of sight until their first height: measure once without waiting.
	send();
	window.addEventListener('load', send, { once: true });

	const onMessage = (event: MessageEvent) => {
		if (event.source !== window.parent) return;
		// pym.js's parent sends its width on load and resize and expects a height back.
		if (sent && isPymWidthRequest(event.data, sender.childId))
			post(heightMessages(sent, sender)[0]);
		else if (isWordPressReady(event.data, sender.secret)) {
			sent = 0;
			send();
		}
		// `auto` follows the host; a theme fixed in the embed code (data-theme light/dark) stays.
		const theme = readTheme(event.data);
		if (!theme) return;
		if (root.dataset.theme === 'auto') html.dataset.theme = theme;
		// /embed.js is listening now: a loader that ran after this frame's first height hears it again.
		sent = 0;
		send();
	};
	window.addEventListener('message', onMessage);
	window.addEventListener(
		'pagehide',
		() => {
			observer.disconnect();
			window.removeEventListener('message', onMessage);
		},
		{ once: true }
	);
}

if (document.readyState === 'loading')
	document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
