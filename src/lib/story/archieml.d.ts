declare module 'archieml' {
	const archieml: {
		load(input: string, options?: { comments?: boolean }): Record<string, unknown>;
	};
	export default archieml;
}
