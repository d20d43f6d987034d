/**
 * "Copy" buttons for embed code (the story's "Embed this chart" and the /embed/ gallery). The code is
 * in the page as text; without JavaScript readers select it themselves, so the buttons start hidden.
 * When the build had no PUBLIC_SITE_URL the code's URLs are root-relative, and this makes them
 * absolute from the page's own origin, the one a journalist copying it is reading.
 */
function enableCopy() {
	const controller = new AbortController();
	for (const field of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-embed-code]')) {
		if (field.hasAttribute('data-relative'))
			field.value = field.value.replace(/(src|href)="\//g, `$1="${location.origin}/`);
		const button = document.querySelector<HTMLButtonElement>(`button[data-copy="${field.id}"]`);
		if (!button) continue;
		const label = button.textContent;
		button.hidden = false;
		button.addEventListener(
			'click',
			() => {
				const done = () => {
					button.textContent = 'Copied';
					setTimeout(() => (button.textContent = label), 2000);
				};
				navigator.clipboard.writeText(field.value).then(done, () => {
					// Clipboard API refused (permissions, http): select it so Ctrl/Cmd+C finishes the job.
					field.select();
				});
			},
			{ signal: controller.signal }
		);
	}
	window.addEventListener('pagehide', () => controller.abort(), { once: true });
}

if (document.readyState === 'loading')
	document.addEventListener('DOMContentLoaded', enableCopy, { once: true });
else enableCopy();
