/**
 * Sharing a story step. Each step's "Share this step" link (ShareStep.svelte) points at the step's share
 * page, /step/<n>/, whose card and title crawlers read (they never see `#step-<n>`). With JavaScript the
 * link opens the system share sheet where the browser has the Web Share API, else copies the address.
 * And while the reader scrolls, the address bar names the active step, replacing the history entry so
 * Back still leaves the story in one step.
 */

/** How long the active step must stay before the address bar names it. */
const SETTLE_MS = 300;
let following: ReturnType<typeof setTimeout> | undefined;

/**
 * Points the address bar at the active step (`/#step-<n>`) without adding a history entry, once the
 * reader has stopped on it: replacing the entry takes a few milliseconds of a slow phone's frame, which
 * a fast scroll past ten steps should not pay ten times.
 */
export function followActiveStep(n: string | undefined): void {
	clearTimeout(following);
	if (!n) return;
	const hash = `#step-${n}`;
	following = setTimeout(() => {
		if (location.hash !== hash) history.replaceState(history.state, '', hash);
	}, SETTLE_MS);
}

async function share(link: HTMLAnchorElement, status: HTMLElement | null): Promise<void> {
	const url = new URL(link.getAttribute('href')!, location.href).href;
	const title = link.dataset.shareTitle ?? document.title;
	if (navigator.share) {
		try {
			await navigator.share({ title, url });
		} catch {
			// The reader closed the share sheet: nothing to report.
		}
		return;
	}
	try {
		await navigator.clipboard.writeText(url);
		if (status) status.textContent = 'Link copied';
	} catch {
		// No clipboard (permissions, plain http): show the address so it can be copied by hand.
		if (status) status.textContent = url;
	}
	if (status) setTimeout(() => (status.textContent = ''), 4000);
}

/** Turns every share link on the page into a share button, until the page is left. */
function enableSharing(): void {
	const onClick = (event: MouseEvent) => {
		const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-share-step]');
		if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
		event.preventDefault();
		void share(link, link.parentElement?.querySelector<HTMLElement>('.share-status') ?? null);
	};
	// A mouse press would focus the link, and focusing anything in a step scrolls the story to it
	// (enhance.ts), so the release lands elsewhere and no click happens: keep the focus where it is.
	const onPress = (event: MouseEvent) => {
		if ((event.target as Element).closest('a[data-share-step]')) event.preventDefault();
	};
	document.addEventListener('click', onClick);
	document.addEventListener('mousedown', onPress);
	window.addEventListener(
		'pagehide',
		() => {
			document.removeEventListener('click', onClick);
			document.removeEventListener('mousedown', onPress);
		},
		{ once: true }
	);
}

// Importing this module (the story script does) is what enables the share links, as copy-code.ts does
// for embed code: one delegated listener, so steps need no script of their own.
if (document.readyState === 'loading')
	document.addEventListener('DOMContentLoaded', enableSharing, { once: true });
else enableSharing();
