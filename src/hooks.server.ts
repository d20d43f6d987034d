import type { Handle } from '@sveltejs/kit';
import { HYDRATION_MARKER } from '$lib/server/hydration-marker';

/**
 * Pages that never hydrate (csr = false) don't need Svelte's hydration markers: dropping them saves
 * about a tenth of the story page's bytes. The editor hydrates, so it keeps them.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const hydrates = event.route.id?.startsWith('/editor') ?? false;
	if (hydrates) return resolve(event);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace(HYDRATION_MARKER, '') });
};
