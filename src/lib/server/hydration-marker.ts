/** Svelte's hydration markers, e.g. `<!--[-->`, `<!--]-->`, `<!---->`, `<!--[-1-->`. */
export const HYDRATION_MARKER = /<!--[[\]!]?-?\d*-->/g;
