import { heightMessages, isPymWidthRequest, wholeHeight, type Sender } from '../protocol';

/**
 * The embed page's only script: tells the page that frames it how tall the chart is, in every format
 * common parents understand (see protocol.ts). It posts heights and ids only, reads nothing from the
 * parent and never navigates it. Without it the chart still shows: the iframe's height attribute is the
 * fallback.
 */
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
	const params = new URLSearchParams(location.search);
	if (stepRedirect(root, params)) return;
	if (window.parent === window) return;

	const sender: Sender = {
		id: root.dataset.embedId!,
		childId: params.get('childId') || root.dataset.embedId!,
		src: location.href
	};
	const html = document.documentElement;
	let sent = 0;
	// The html element's box is its content, whatever the frame's height, so a parent that sets the
	// frame to this height can't make it grow (scrollHeight would never shrink below the frame).
	const measure = () => wholeHeight(html.getBoundingClientRect().height);
	const post = (message: unknown) => window.parent.postMessage(message, '*');

	const observer = new ResizeObserver(() => {
		const height = measure();
		if (height === sent) return;
		sent = height;
		heightMessages(height, sender).forEach(post);
	});
	observer.observe(html);

	// pym.js's parent sends its width on load and resize and expects a height back.
	const onMessage = (event: MessageEvent) => {
		if (event.source !== window.parent || !isPymWidthRequest(event.data, sender.childId)) return;
		if (sent) post(heightMessages(sent, sender)[0]);
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
