import { readHeight } from '../protocol';

/**
 * /embed.js, the optional loader a host page includes after our iframes. It sizes each of our frames
 * from that frame's own height messages, and loads `data-src` frames when they come near the viewport.
 *
 * Ours are the iframes whose URL is under this script's folder + `embed/`, so the same file works from
 * any origin and base path. A message counts only when `event.source` is that frame's window and
 * `event.origin` is the origin of its `src`: a sibling frame can't resize our charts. Journalists paste
 * the snippet once per chart, so a second copy of this script only looks for new frames.
 */
interface Loader {
	scan(): void;
}

const KEY = '__piracyEmbeds';

function createLoader(prefix: string): Loader {
	const frames = new Set<HTMLIFrameElement>();
	let lazy: IntersectionObserver | undefined;

	const urlOf = (iframe: HTMLIFrameElement) =>
		iframe.getAttribute('src') || iframe.getAttribute('data-src');

	function adopt(iframe: HTMLIFrameElement) {
		const src = urlOf(iframe);
		if (frames.has(iframe) || !src || !new URL(src, location.href).href.startsWith(prefix)) return;
		frames.add(iframe);
		if (!iframe.hasAttribute('loading')) iframe.setAttribute('loading', 'lazy');
		if (!iframe.getAttribute('src')) {
			lazy ??= new IntersectionObserver(
				(entries) => {
					for (const entry of entries) {
						if (!entry.isIntersecting) continue;
						const frame = entry.target as HTMLIFrameElement;
						lazy!.unobserve(frame);
						frame.src = frame.getAttribute('data-src')!;
					}
				},
				{ rootMargin: '200px 0px' }
			);
			lazy.observe(iframe);
		}
	}

	function scan() {
		document.querySelectorAll('iframe').forEach(adopt);
	}

	function frameOf(event: MessageEvent): HTMLIFrameElement | undefined {
		for (const iframe of frames) {
			if (!iframe.isConnected) frames.delete(iframe);
			else if (event.source && iframe.contentWindow === event.source) return iframe;
		}
		return undefined;
	}

	window.addEventListener('message', (event) => {
		const height = readHeight(event.data);
		if (height === undefined) return;
		let iframe = frameOf(event);
		if (!iframe) {
			// A frame added after the last scan (CMSs insert embeds late); scanning only adopts our URLs.
			scan();
			iframe = frameOf(event);
		}
		if (!iframe || event.origin !== new URL(iframe.src, location.href).origin) return;
		const px = `${height}px`;
		if (iframe.style.height !== px) iframe.style.height = px;
	});

	return { scan };
}

function main() {
	const script = document.currentScript as HTMLScriptElement | null;
	const prefix = new URL('embed/', script?.src || location.href).href;
	const registry: Record<string, Loader> = ((window as unknown as Record<string, unknown>)[KEY] ??=
		{}) as Record<string, Loader>;
	const loader = (registry[prefix] ??= createLoader(prefix));
	loader.scan();
	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', loader.scan, { once: true });
}

main();
