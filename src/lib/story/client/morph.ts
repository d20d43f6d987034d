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
	// Work still to do, innermost last: walk a pair of (target, source) siblings in step, or copy
	// source siblings into a target element one node at a time (so a replaced subtree, too, can be spread
	// over frames).
	type Task = { walk: true; into: Node; from: Node } | { walk: false; parent: Element; from: Node };
	const stack: Task[] = [];
	let started = false;

	/** Brings one element's attributes across and queues its children; returns the nodes it changed. */
	function visit(into: Element, from: Element): number {
		const changed = syncAttributes(into, from);
		if (!from.firstChild) {
			if (into.firstChild) into.replaceChildren();
			return changed;
		}
		if (sameShape(into, from)) {
			stack.push({ walk: true, into: into.firstChild!, from: from.firstChild });
			return changed;
		}
		into.replaceChildren();
		stack.push({ walk: false, parent: into, from: from.firstChild });
		return changed + 1;
	}

	/** Walks or copies the next node of the innermost task; returns the nodes it changed. */
	function next(task: Task): number {
		const from = task.from;
		if (from.nextSibling) task.from = from.nextSibling;
		else stack.pop();
		if (!task.walk) {
			const copy = from.cloneNode(false);
			task.parent.append(copy);
			if (from.firstChild)
				stack.push({ walk: false, parent: copy as Element, from: from.firstChild });
			return 1;
		}
		const into = task.into;
		if (into.nextSibling) task.into = into.nextSibling;
		if (from.nodeType === Node.ELEMENT_NODE) return visit(into as Element, from as Element);
		if (into.nodeValue === from.nodeValue) return 0;
		into.nodeValue = from.nodeValue;
		return 1;
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
			while (stack.length && spent < budget && performance.now() < deadline)
				spent += next(stack[stack.length - 1]!);
			return stack.length === 0;
		}
	};
}

/** Morphs `target` into `source` at once. */
export function morph(target: Element, source: Element): void {
	createMorph(target, source).step();
}
