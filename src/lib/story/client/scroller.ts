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
		const index = activeFromPositions();
		if (index !== active) {
			const jump = instant || active === -1 || Math.abs(index - active) > 1;
			active = index;
			onstep(index, jump);
		}
		if (onprogress) {
			const rect = steps[active]!.getBoundingClientRect();
			const line = window.innerHeight * offset;
			onprogress(active, Math.min(1, Math.max(0, (line - rect.top) / Math.max(1, rect.height))));
		}
	}

	// The root is shrunk to the offset line, so the observer fires only when a step's edge crosses it:
	// the one moment the active step can change. Progress within a step needs every scroll frame.
	const observer = new IntersectionObserver(() => update(false), {
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
