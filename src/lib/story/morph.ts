/** Attributes the reader controls (an opened data table) survive a state change. */
const KEEP = new Set(['open']);

/**
 * Makes `target` look like `source` by changing only what differs, so marks that exist in both states
 * keep their elements and CSS transitions move them. Where the structure differs (an axis with other
 * ticks, a table with other rows), that subtree is replaced wholesale.
 */
export function morph(target: Element, source: Element): void {
	for (const { name, value } of Array.from(source.attributes)) {
		if (!KEEP.has(name) && target.getAttribute(name) !== value) target.setAttribute(name, value);
	}
	for (const { name } of Array.from(target.attributes)) {
		if (!KEEP.has(name) && !source.hasAttribute(name)) target.removeAttribute(name);
	}
	const to = target.childNodes;
	const from = source.childNodes;
	const sameShape =
		to.length === from.length &&
		Array.from(to).every((node, index) => node.nodeName === from[index]!.nodeName);
	if (!sameShape) {
		target.replaceChildren(...Array.from(from, (node) => node.cloneNode(true)));
		return;
	}
	from.forEach((node, index) => {
		const current = to[index]!;
		if (node.nodeType === Node.ELEMENT_NODE) morph(current as Element, node as Element);
		else if (current.nodeValue !== node.nodeValue) current.nodeValue = node.nodeValue;
	});
}
