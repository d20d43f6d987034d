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

/** What matches an element across states: its `data-key`, or the data row it draws (a mark). */
const keyOf = (node: Node) =>
	node.nodeType === Node.ELEMENT_NODE
		? ((node as Element).getAttribute('data-key') ?? (node as Element).getAttribute('data-row'))
		: null;

function hasKeyedChild(parent: Node): boolean {
	for (let child = parent.firstChild; child; child = child.nextSibling)
		if (keyOf(child)) return true;
	return false;
}

/**
 * Gives `into` the same sequence of children as `from`, keeping each child whose key (or, for
 * unkeyed nodes, whose place and name) is in both, so a tick or lane the two states share keeps its
 * element: nothing is re-created, re-laid out or restyled that did not change. Children only one
 * side has are added (as copies) or removed. Returns the nodes added or removed.
 */
function reconcile(into: Element, from: Element): number {
	const keyed = new Map<string, Node>();
	for (let child = into.firstChild; child; child = child.nextSibling) {
		const key = keyOf(child);
		if (key) keyed.set(key, child);
	}
	let changed = 0;
	let cursor = into.firstChild;
	for (let wanted = from.firstChild; wanted; wanted = wanted.nextSibling) {
		const key = keyOf(wanted);
		let match: Node | null | undefined = key ? keyed.get(key) : undefined;
		if (match && match.nodeName === wanted.nodeName) keyed.delete(key!);
		else if (!key && cursor && !keyOf(cursor) && cursor.nodeName === wanted.nodeName)
			match = cursor;
		else match = undefined;
		if (match === cursor) cursor = cursor!.nextSibling;
		else if (match) into.insertBefore(match, cursor);
		else {
			into.insertBefore(wanted.cloneNode(true), cursor);
			changed++;
		}
	}
	while (cursor) {
		const next: ChildNode | null = cursor.nextSibling;
		cursor.remove();
		changed++;
		cursor = next;
	}
	return changed;
}

/**
 * Makes `target` look like `source` by changing only what differs, so marks that exist in both states
 * keep their elements and CSS transitions move them. Where the structure differs (an axis with other
 * ticks, a lane more), children are matched by `data-key`; a subtree whose children carry no keys is
 * replaced wholesale.
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
		let changed = syncAttributes(into, from);
		if (!from.firstChild) {
			if (into.firstChild) into.replaceChildren();
			return changed;
		}
		if (!sameShape(into, from) && hasKeyedChild(from)) changed += reconcile(into, from);
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
