declare module 'virtual:client-scripts' {
	/** URL of each page-level script bundled by scripts/vite/client-scripts.ts, by entry name. */
	const urls: Record<'story' | 'embedChild' | 'embedParent' | 'embedCopy', string>;
	export default urls;
}
