// Every page is prerendered, and ships no framework: each chart state is already in the HTML, and the
// little behaviour a page needs comes from its own small script (see scripts/vite/client-scripts.ts).
export const prerender = true;
export const csr = false;
export const trailingSlash = 'always';
