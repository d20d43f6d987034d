declare module 'virtual:client-scripts' {
	/** URL of each page-level script bundled by scripts/vite/client-scripts.ts, by entry name. */
	const urls: Record<'story', string>;
	export default urls;
}
