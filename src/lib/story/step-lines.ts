/**
 * Where each story step's settings sit in the story file, so a message can name the line an editor
 * has to change. ArchieML gives no positions; a step starts at each `chart:` line inside [steps].
 */
export function stepLines(source: string): { line: (step: number, key?: string) => number } {
	const lines = source.split(/\r?\n/);
	const starts: number[] = [];
	let inSteps = false;
	lines.forEach((text, index) => {
		const trimmed = text.trim().toLowerCase();
		if (trimmed === '[steps]') inSteps = true;
		else if (inSteps && trimmed === '[]') inSteps = false;
		else if (inSteps && /^chart\s*:/.test(trimmed)) starts.push(index);
	});
	return {
		/** 1-based line of a step's key (or of the step's start when the key is not written). */
		line(step, key) {
			const start = starts[step - 1];
			if (start === undefined) return 1;
			const end = starts[step] ?? lines.length;
			if (key) {
				const pattern = new RegExp(`^\\s*${key.replace(/[^a-z0-9_-]/gi, '')}\\s*:`, 'i');
				for (let index = start; index < end; index++) {
					if (pattern.test(lines[index]!)) return index + 1;
				}
			}
			return start + 1;
		}
	};
}
