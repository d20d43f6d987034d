import { afterFrame, createFrameQueue } from './frame-queue';
import { createMorph } from './morph';

/** One step's chart state as elements, parsed (inert: nothing loads or runs) from its markup. */
function parseState(markup: string | undefined): Element | undefined {
	if (!markup) return undefined;
	const template = document.createElement('template');
	template.innerHTML = markup;
	return template.content.firstElementChild ?? undefined;
}

/** How many nodes a chart out of sight may change, and for how long it may be walked, in one frame. */
const NODES_PER_FRAME = 24;
const MILLISECONDS_PER_FRAME = 4;

/**
 * How many attributes or nodes the chart on screen changes in one frame, and for how long it may be
 * walked. A step's change (a hundred or so: every mark moves with the camera) is spread over several
 * frames; each changed mark costs its style, layout and paint in the frame it changes (about 0.7 ms
 * each on a phone 4x slower than this machine). So the count follows the frames: it starts small, grows
 * while frames keep to time, and halves when one ran long. A fast screen starts the marks' half-second
 * glides within about a tenth of a second, which reads as one move; a slow phone takes a few frames
 * more rather than one long one (at 4x CPU slowdown a fixed dozen made 70–120 ms tasks, six 50–75 ms).
 */
const FIRST_CHANGES_PER_FRAME = 6;
const MIN_CHANGES_PER_FRAME = 3;
const MAX_CHANGES_PER_FRAME = 24;
/** A frame that took longer than this (a 60 Hz frame and a half) ran long. */
const LONG_FRAME_MS = 25;
const MILLISECONDS_PER_FRAME_ON_SCREEN = 6;

/** The next frame's count of changes, from the last count and how long the last frame took. */
export function nextChangesPerFrame(changes: number, frameMs: number): number {
	if (frameMs > LONG_FRAME_MS) return Math.max(MIN_CHANGES_PER_FRAME, Math.floor(changes / 2));
	return Math.min(MAX_CHANGES_PER_FRAME, changes + 3);
}

interface StickyChartsOptions {
	/** The step elements, in story order, each naming its chart in `data-chart`. */
	steps: HTMLElement[];
	/** The stacked charts, one per chart id in `data-sticky`, each holding a `[data-body]`. */
	stickies: HTMLElement[];
	/** Every step's chart state as markup, by step number. */
	states: Map<string, string>;
	reducedMotion: MediaQueryList;
}

/**
 * The sticky graphic: which of its stacked charts is on screen, and in which step's state. The chart on
 * screen is morphed at once; the others are made ready for their next step out of sight, a slice per
 * frame, so no frame of a scroll does much.
 */
export function createStickyCharts({
	steps,
	stickies,
	states,
	reducedMotion
}: StickyChartsOptions) {
	// The step whose state each sticky chart holds: the page draws the first step's chart in its state,
	// and leaves the others empty, to be filled before their first step.
	const holds = new Map(stickies.map((sticky) => [sticky, sticky.dataset.shows]));
	/**
	 * The morph under way on each chart, a slice per frame, and the step it leads to: the chart on screen
	 * or one being made ready out of sight. A newer one replaces it; it carries on from where that stopped.
	 */
	const underway = new Map<HTMLElement, { step: string; morph: ReturnType<typeof createMorph> }>();
	const afterStep = createFrameQueue();

	const bodyOf = (sticky: HTMLElement) => sticky.querySelector('[data-body]');

	/**
	 * Brings `sticky` to the state of step `index` at once (the chart on screen: its marks move together,
	 * or jump when `instant`).
	 */
	function bringTo(sticky: HTMLElement, index: number, instant: boolean) {
		const id = steps[index]!.dataset.step!;
		const target = bodyOf(sticky);
		if (holds.get(sticky) === id || !target) return;
		const source = parsedAhead.get(id) ?? parseState(states.get(id));
		if (!source) return;
		// Only ever toggled on the chart that changes, just before it does, since it restyles its marks.
		sticky.classList.toggle('is-instant', instant || reducedMotion.matches);
		const job = { step: id, morph: createMorph(target, source) };
		underway.set(sticky, job);
		// What it showed is no longer what it shows until the morph is done.
		delete sticky.dataset.shows;
		let changes = FIRST_CHANGES_PER_FRAME;
		let lastSlice: number | undefined;
		// The first slice now, in the scroll's own task; the rest each after a frame (afterFrame).
		const slice = () => {
			if (underway.get(sticky) !== job) return;
			const now = performance.now();
			if (lastSlice !== undefined) changes = nextChangesPerFrame(changes, now - lastSlice);
			lastSlice = now;
			if (!job.morph.step(changes, MILLISECONDS_PER_FRAME_ON_SCREEN)) return afterFrame(slice);
			underway.delete(sticky);
			sticky.dataset.shows = id;
		};
		holds.set(sticky, id);
		slice();
	}

	/**
	 * The charts out of sight are brought, a slice per frame, to the state of the next step that shows
	 * them (or, past their last step, the one before): a step that switches chart is then an opacity
	 * change, never a whole chart's layout in the middle of a scroll. What they hold depends only on the
	 * active step, so the settled page is the same however the reader got there.
	 */
	function prepareOthers(index: number) {
		const chart = steps[index]!.dataset.chart;
		for (const sticky of stickies) {
			if (sticky.dataset.sticky === chart) continue;
			const uses = (step: HTMLElement | undefined) => step?.dataset.chart === sticky.dataset.sticky;
			const next = steps.slice(index + 1).find(uses) ?? steps.slice(0, index).reverse().find(uses);
			const id = next?.dataset.step;
			const target = bodyOf(sticky);
			if (!id || !target || !states.has(id) || holds.get(sticky) === id) continue;
			if (underway.get(sticky)?.step !== id) {
				holds.delete(sticky);
				delete sticky.dataset.shows;
				underway.set(sticky, {
					step: id,
					morph: createMorph(target, parseState(states.get(id))!)
				});
			}
			const job = underway.get(sticky)!;
			afterStep.push(() => {
				// Gone when the chart came on screen meanwhile and was brought to its step's state.
				if (underway.get(sticky) !== job) return false;
				if (!job.morph.step(NODES_PER_FRAME, MILLISECONDS_PER_FRAME)) return true;
				underway.delete(sticky);
				holds.set(sticky, id);
				sticky.dataset.shows = id;
				return false;
			});
		}
	}

	/**
	 * The states of the steps on either side, when they keep the chart on screen, are parsed ahead, so
	 * moving one step within a chart only has to morph it: one state per job, since each is a parse of
	 * a whole chart's markup.
	 */
	const parsedAhead = new Map<string, Element>();
	function parseAhead(index: number) {
		parsedAhead.clear();
		for (const near of [steps[index + 1], steps[index - 1]]) {
			const id = near?.dataset.step;
			if (!id || near.dataset.chart !== steps[index]!.dataset.chart) continue;
			afterStep.push(() => {
				const parsed = parseState(states.get(id));
				if (parsed) parsedAhead.set(id, parsed);
			});
		}
	}

	/**
	 * `aria-hidden` keeps screen readers off the charts out of sight, and `data-resting` their marks'
	 * transitions (charts.css); pointers reach only the chart on screen, which is stacked above them
	 * (story.css), and charts hold nothing focusable. Not `inert`: it restyles every element of a
	 * chart (the timeline leaving was 40 ms of style in a scroll's longest task at 4× CPU slowdown).
	 */
	function setInteractive(sticky: HTMLElement, interactive: boolean) {
		sticky.toggleAttribute('data-resting', !interactive);
		sticky.setAttribute('aria-hidden', String(!interactive));
	}

	/**
	 * What can wait after a step change, a frame apart: `data-resting` restyles a chart's marks, so the
	 * switch itself is only an opacity change; the chart arriving becomes interactive, then the one
	 * leaving stops being so, then the charts out of sight are made ready for the steps ahead.
	 */
	function afterStepChange(index: number, active: HTMLElement | undefined) {
		const others = stickies.filter((sticky) => sticky !== active);
		afterStep.clear();
		if (reducedMotion.matches) {
			// With reduced motion the chart switches at once; only parsing the next states waits.
			if (active) setInteractive(active, true);
			others.forEach((sticky) => setInteractive(sticky, false));
			parseAhead(index);
			return;
		}
		if (active) afterStep.push(() => setInteractive(active, true));
		parseAhead(index);
		afterStep.push(() => others.forEach((sticky) => setInteractive(sticky, false)));
		afterStep.push(() => prepareOthers(index));
	}

	/** Shows step `index`'s chart in its state; `instant` skips transitions (a jump). */
	return function show(index: number, instant: boolean) {
		const active = stickies.find((sticky) => sticky.dataset.sticky === steps[index]!.dataset.chart);
		if (active) {
			bringTo(active, index, instant);
			// The chart arriving is read out at once; the one leaving is hidden from screen readers a
			// frame later, with its transitions (setInteractive).
			active.setAttribute('aria-hidden', 'false');
		}
		for (const sticky of stickies) sticky.classList.toggle('is-active', sticky === active);
		afterStepChange(index, active);
	};
}
