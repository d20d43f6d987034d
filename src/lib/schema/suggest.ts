/** Edit distance, for "did you mean" hints on misspelled column names and categories. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
	const needle = value.trim().toLowerCase();
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const distance = editDistance(needle, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	const tolerance = Math.max(2, Math.floor((best?.length ?? 0) / 3));
	return bestDistance <= tolerance ? best : undefined;
}
