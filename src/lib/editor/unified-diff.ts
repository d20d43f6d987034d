/**
 * A unified diff (patch) of one file, as `git apply` and `patch -p1` read it: the editor's way to hand
 * over a change on the static site, where nothing can write to data/. Written here rather than taken
 * from a library because CSV edits are small and line-based: trimming the common head and tail leaves
 * a short middle, where a plain longest-common-subsequence table is fast enough.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their terminators, so a last line without a newline differs from one with. */
function lines(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Past this many table cells (a wholesale rewrite) the middle is shown as replaced outright. */
const MAX_CELLS = 4_000_000;

function middleOps(a: string[], b: string[]): Op[] {
	const n = a.length;
	const m = b.length;
	if (n * m > MAX_CELLS) {
		return [
			...a.map((line) => ({ kind: '-' as const, line })),
			...b.map((line) => ({ kind: '+' as const, line }))
		];
	}
	// lcs[i * (m + 1) + j]: longest common subsequence of a[i..] and b[j..].
	const lcs = new Uint32Array((n + 1) * (m + 1));
	const at = (i: number, j: number) => lcs[i * (m + 1) + j]!;
	for (let i = n - 1; i >= 0; i--)
		for (let j = m - 1; j >= 0; j--)
			lcs[i * (m + 1) + j] =
				a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
	const ops: Op[] = [];
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && a[i] === b[j]) {
			ops.push({ kind: ' ', line: a[i++]! });
			j++;
		} else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1)))
			ops.push({ kind: '-', line: a[i++]! });
		else ops.push({ kind: '+', line: b[j++]! });
	}
	return ops;
}

function editScript(a: string[], b: string[]): Op[] {
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	)
		tail++;
	const same = (line: string) => ({ kind: ' ' as const, line });
	return [
		...a.slice(0, head).map(same),
		...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
		...a.slice(a.length - tail).map(same)
	];
}

function printed(op: Op): string {
	return op.line.endsWith('\n')
		? `${op.kind}${op.line}`
		: `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** `before` → `after` as a patch of `path` (e.g. data/downloads.csv); '' when they are the same. */
export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
	if (before === after) return '';
	const ops = editScript(lines(before), lines(after));
	const changes = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
	let out = `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
	let next = 0;
	while (next < changes.length) {
		const start = Math.max(0, changes[next]! - context);
		let end = changes[next]!;
		// Changes closer than two contexts apart share a hunk, as diff(1) prints them.
		while (next + 1 < changes.length && changes[next + 1]! - end <= 2 * context)
			end = changes[++next]!;
		next++;
		const stop = Math.min(ops.length, end + context + 1);
		let oldLine = 1;
		let newLine = 1;
		for (const op of ops.slice(0, start)) {
			if (op.kind !== '+') oldLine++;
			if (op.kind !== '-') newLine++;
		}
		const hunk = ops.slice(start, stop);
		const oldCount = hunk.filter((op) => op.kind !== '+').length;
		const newCount = hunk.filter((op) => op.kind !== '-').length;
		// An empty side is numbered by the line before it, as diff(1) does.
		const range = (line: number, count: number) => `${count === 0 ? line - 1 : line},${count}`;
		out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
		out += hunk.map(printed).join('');
	}
	return out;
}
