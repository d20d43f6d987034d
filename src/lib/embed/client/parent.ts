import { readHeight, THEME_KEY, type HostTheme } from '../protocol';
import { hostTheme } from './host-theme';

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
	const told = new WeakMap<HTMLIFrameElement, HostTheme>();
	const dark = matchMedia('(prefers-color-scheme: dark)');
	let lazy: IntersectionObserver | undefined;
	let queued = 0;

	const urlOf = (iframe: HTMLIFrameElement) =>
		iframe.getAttribute('src') || iframe.getAttribute('data-src');

	function tell(iframe: HTMLIFrameElement, force = false) {
		const theme = hostTheme(iframe, dark.matches);
		if (!iframe.contentWindow || (!force && told.get(iframe) === theme)) return;
		told.set(iframe, theme);
		const origin = new URL(urlOf(iframe)!, location.href).origin;
		iframe.contentWindow.postMessage({ [THEME_KEY]: theme }, origin);
	}
	const tellAll = () => {
		cancelAnimationFrame(queued);
		queued = requestAnimationFrame(() => frames.forEach((iframe) => tell(iframe)));
	};
	dark.addEventListener('change', tellAll);
	const watch = new MutationObserver(tellAll);
	const watchPage = () => {
		for (const el of [document.documentElement, document.body])
			if (el)
				watch.observe(el, {
					attributes: true,
					attributeFilter: ['class', 'style', 'data-theme', 'data-mode', 'data-color-scheme']
				});
	};
	watchPage();

	function adopt(iframe: HTMLIFrameElement) {
		const src = urlOf(iframe);
		if (frames.has(iframe) || !src || !new URL(src, location.href).href.startsWith(prefix)) return;
		frames.add(iframe);
		// A new document in the frame has heard nothing yet.
		iframe.addEventListener('load', () => tell(iframe, true));
		// A frame that loaded before this script ran (and sent its heights then) hears it now; one still
		// loading drops this and hears it on load.
		tell(iframe, true);
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
		watchPage();
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
		// Its first height says the frame's script is listening (it may have missed the load event).
		if (!told.has(iframe)) tell(iframe);
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
