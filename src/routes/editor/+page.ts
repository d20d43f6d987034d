// The editor is the one page that hydrates: it validates and re-renders charts in the browser. It is
// still prerendered, so once loaded it works offline with the published data embedded in the page.
export const csr = true;
export const prerender = true;
