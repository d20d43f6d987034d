/**
 * Runs `job` in a task of its own just after the next frame is drawn. What it changes is drawn in the
 * frame after, in that frame's own task: a slow phone then pays for the script and for drawing its
 * changes in two tasks, never one long one (a requestAnimationFrame callback runs inside the frame's
 * task, before the style, layout and paint it causes).
 */
export function afterFrame(job: () => void): void {
	requestAnimationFrame(() => setTimeout(job));
}

/**
 * Runs jobs one per frame, each in a task of its own just after a frame is drawn, so that work which
 * can wait never piles into the frame a reader is scrolling through. A job that returns true is not
 * finished: it runs again in the next frame, before the jobs queued behind it.
 */
export function createFrameQueue() {
	const jobs: (() => boolean | void)[] = [];
	let scheduled = false;

	function pump() {
		if (scheduled || !jobs.length) return;
		scheduled = true;
		afterFrame(() => {
			scheduled = false;
			const job = jobs.shift();
			if (job?.()) jobs.unshift(job);
			pump();
		});
	}

	return {
		push(job: () => boolean | void) {
			jobs.push(job);
			pump();
		},
		/** Drops the jobs not yet run (a newer step has made them moot). */
		clear() {
			jobs.length = 0;
		}
	};
}
