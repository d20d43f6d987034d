/** Attributes the reader controls (an opened data table) survive a state change. */
const KEEP = new Set(['open']);

/** Makes `target`'s attributes those of `source`; returns how many changed. */
function syncAttributes(target: Element, source: Element): number {
	let changed = 0;
	const wanted = source.attributes;
	for (let index = 0; index < wanted.length; index++) {
		const { name, value } = wanted[index]!;
		if (!KEEP.has(name) && target.getAttribute(name) !== value) {
			target.setAttribute(name, value);
			changed++;
		}
	}
	const present = target.attributes;
	for (let index = present.length - 1; index >= 0; index--) {
		const { name } = present[index]!;
		if (!KEEP.has(name) && !source.hasAttribute(name)) {
			target.removeAttribute(name);
			changed++;
		}
	}
	return changed;
}

function sameShape(target: Node, source: Node): boolean {
	let a = target.firstChild;
	let b = source.firstChild;
	while (a && b) {
		if (a.nodeName !== b.nodeName) return false;
		a = a.nextSibling;
		b = b.nextSibling;
	}
	return a === b;
}

/**
 * Makes `target` look like `source` by changing only what differs, so marks that exist in both states
 * keep their elements and CSS transitions move them. Where the structure differs (an axis with other
 * ticks, a table with other rows), that subtree is replaced wholesale.
 *
 * The walk can stop and resume: `step(budget, milliseconds)` changes about `budget` nodes, or walks for
 * about `milliseconds`, and says whether it is done, so a chart nobody sees yet can be brought to its
 * next state over several frames, none of them long.
 */
export function createMorph(target: Element, source: Element) {
	// Pairs of (next target child, next source child) still to walk, innermost last.
	const stack: [Node | null, Node | null][] = [];
	let started = false;

	/** Brings one element's attributes across and queues its children; returns the nodes it changed. */
	function visit(into: Element, from: Element): number {
		const changed = syncAttributes(into, from);
		if (!sameShape(into, from)) {
			into.replaceChildren(...Array.from(from.childNodes, (node) => node.cloneNode(true)));
			return changed + 1 + from.getElementsByTagName('*').length;
		}
		if (from.firstChild) stack.push([into.firstChild, from.firstChild]);
		return changed;
	}

	return {
		step(budget = Infinity, milliseconds = Infinity): boolean {
			const deadline = performance.now() + milliseconds;
			let spent = 0;
			if (!started) {
				started = true;
				spent += visit(target, source);
			}
			// Walking unchanged nodes costs time too (the first walk of a chart most of all).
			while (stack.length && spent < budget && performance.now() < deadline) {
				const pair = stack[stack.length - 1]!;
				const [into, from] = pair as [Node, Node];
				if (into.nextSibling) pair[0] = into.nextSibling;
				else stack.pop();
				pair[1] = from.nextSibling;
				if (from.nodeType === Node.ELEMENT_NODE) spent += visit(into as Element, from as Element);
				else if (into.nodeValue !== from.nodeValue) {
					into.nodeValue = from.nodeValue;
					spent++;
				}
			}
			return stack.length === 0;
		}
	};
}

/** Morphs `target` into `source` at once. */
export function morph(target: Element, source: Element): void {
	createMorph(target, source).step();
}
