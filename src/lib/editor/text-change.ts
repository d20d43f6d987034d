/** A sentence before and after, split where they differ, so the page can mark only the changed words. */
export interface SplitChange {
	head: string;
	removed: string;
	added: string;
	tail: string;
}

export function splitChange(before: string, after: string): SplitChange {
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) head++;
	// Back to a word's start, so "1.2 million" → "1.5 million" marks "1.5", not ".5".
	while (head > 0 && /\S/.test(before[head - 1]!)) head--;
	let tail = 0;
	const room = Math.min(before.length, after.length) - head;
	while (tail < room && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
	while (tail > 0 && /\S/.test(before[before.length - tail]!)) tail--;
	return {
		head: before.slice(0, head),
		removed: before.slice(head, before.length - tail),
		added: after.slice(head, after.length - tail),
		tail: before.slice(before.length - tail)
	};
}
