export interface ScrollerOptions {
	/** The step elements, in story order. */
	steps: HTMLElement[];
	/** Called when a different step becomes active; `instant` on the first call and on jumps. */
	onstep: (index: number, instant: boolean) => void;
	/** How far the reader is through the active step, 0–1. */
	onprogress?: (index: number, progress: number) => void;
	/** Where on the screen a step becomes active, as a share of the viewport height from the top. */
	offset?: number;
}

/**
 * The story's scroller: IntersectionObserver decides when to look, and the step positions decide which
 * step is active (the last one whose top has passed the offset line). Reading positions rather than
 * replaying events means a reload mid-page, or a link to #step-5, lands on the right state at once.
 * Returns `activate` (for keyboard focus, which must win over position) and `destroy`, which removes
 * every observer and listener it added.
 */
export function createScroller({ steps, onstep, onprogress, offset = 0.5 }: ScrollerOptions) {
	let active = -1;

	function activeFromPositions(): number {
		const line = window.innerHeight * offset;
		let index = 0;
		steps.forEach((step, i) => {
			if (step.getBoundingClientRect().top <= line) index = i;
		});
		return index;
	}

	function update(instant: boolean) {
		change(activeFromPositions(), instant);
		if (onprogress) {
			const rect = steps[active]!.getBoundingClientRect();
			const line = window.innerHeight * offset;
			onprogress(active, Math.min(1, Math.max(0, (line - rect.top) / Math.max(1, rect.height))));
		}
	}

	function change(index: number, instant: boolean) {
		if (index !== active) {
			const jump = instant || active === -1 || Math.abs(index - active) > 1;
			active = index;
			onstep(index, jump);
		}
	}

	// The root is shrunk to the offset line, so the observer fires only when a step's edge crosses it:
	// the one moment the active step can change. Which side of the line each step's top is on comes from
	// the observer's own entries, measured with the frame: reading the steps' positions here would force
	// a layout, and, while the chart's marks glide, a restyle of every one of them.
	const topPassed = new Map(steps.map((step) => [step as Element, false]));
	const fromEntries = (entries: IntersectionObserverEntry[]) => {
		for (const entry of entries) {
			const line = entry.rootBounds?.top ?? window.innerHeight * offset;
			topPassed.set(entry.target, entry.boundingClientRect.top <= line);
		}
		let index = 0;
		steps.forEach((step, i) => {
			if (topPassed.get(step)) index = i;
		});
		change(index, false);
		if (onprogress) update(false);
	};
	// Progress within a step needs every scroll frame.
	const observer = new IntersectionObserver(fromEntries, {
		rootMargin: `-${offset * 100}% 0px -${(1 - offset) * 100}% 0px`,
		threshold: 0
	});
	steps.forEach((step) => observer.observe(step));
	let frame = 0;
	const onScroll = () => {
		if (!frame)
			frame = requestAnimationFrame(() => {
				frame = 0;
				update(false);
			});
	};
	if (onprogress) window.addEventListener('scroll', onScroll, { passive: true });
	const onResize = () => update(false);
	window.addEventListener('resize', onResize);
	update(true);

	return {
		activate(index: number) {
			if (index === active || !steps[index]) return;
			active = index;
			onstep(index, false);
		},
		destroy() {
			observer.disconnect();
			cancelAnimationFrame(frame);
			window.removeEventListener('scroll', onScroll);
			window.removeEventListener('resize', onResize);
		}
	};
}
