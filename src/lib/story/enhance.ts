import '../embed/copy-code';
import { createFrameQueue } from './frame-queue';
import { createMorph, morph } from './morph';
import { createScroller } from './scroller';

/**
 * The whole of the story's JavaScript. The page carries the sticky chart in its first state; every other
 * step's chart state is prerendered in /story-states.json, fetched once, and the sticky chart is morphed to
 * the active step's state, so the page itself stays small and the charts are never drawn in the browser.
 */
async function loadStates(url: string): Promise<Map<string, string>> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return new Map(Object.entries((await response.json()) as Record<string, string>));
}

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

function enhance() {
	const root = document.querySelector<HTMLElement>('[data-scrolly]');
	if (!root) return;
	const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
	const stickies = Array.from(root.querySelectorAll<HTMLElement>('[data-sticky]'));
	const live = document.querySelector<HTMLElement>('[data-live]');
	const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	let states: Map<string, string> | undefined;
	let pending: number | undefined;
	let announced = false;
	// The step whose state each sticky chart holds: each starts in the first state the story gives it.
	const holds = new Map(
		stickies.map((sticky) => [
			sticky,
			steps.find((step) => step.dataset.chart === sticky.dataset.sticky)?.dataset.step
		])
	);
	const preparing = new Map<HTMLElement, { step: string; morph: ReturnType<typeof createMorph> }>();
	const afterStep = createFrameQueue();

	const bodyOf = (sticky: HTMLElement) => sticky.querySelector('[data-body]');

	/**
	 * Brings `sticky` to the state of step `index` at once (the chart on screen: its marks move together,
	 * or jump when `instant`).
	 */
	function bringTo(sticky: HTMLElement, index: number, instant: boolean) {
		const id = steps[index]!.dataset.step!;
		preparing.delete(sticky);
		const target = bodyOf(sticky);
		if (holds.get(sticky) === id || !target) return;
		const source = parsedAhead.get(id) ?? parseState(states?.get(id));
		if (!source) return;
		// Only ever toggled on the chart that changes, just before it does, since it restyles its marks.
		sticky.classList.toggle('is-instant', instant || reducedMotion.matches);
		morph(target, source);
		holds.set(sticky, id);
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
			if (!id || !target || !states?.has(id) || holds.get(sticky) === id) continue;
			if (preparing.get(sticky)?.step !== id) {
				holds.delete(sticky);
				preparing.set(sticky, {
					step: id,
					morph: createMorph(target, parseState(states.get(id))!)
				});
			}
			const job = preparing.get(sticky)!;
			afterStep.push(() => {
				// Gone when the chart came on screen meanwhile and was brought to its state at once.
				if (preparing.get(sticky) !== job) return false;
				if (!job.morph.step(NODES_PER_FRAME, MILLISECONDS_PER_FRAME)) return true;
				preparing.delete(sticky);
				holds.set(sticky, id);
				return false;
			});
		}
	}

	/**
	 * The states of the steps on either side, when they keep the chart on screen, are parsed ahead, so
	 * moving one step within a chart only has to morph it.
	 */
	const parsedAhead = new Map<string, Element>();
	function parseAhead(index: number) {
		parsedAhead.clear();
		for (const near of [steps[index - 1], steps[index + 1]]) {
			const id = near?.dataset.step;
			if (!id || near.dataset.chart !== steps[index]!.dataset.chart) continue;
			const parsed = parseState(states?.get(id));
			if (parsed) parsedAhead.set(id, parsed);
		}
	}

	/** `inert` keeps focus and pointers off the charts out of sight, `aria-hidden` screen readers. */
	function setInteractive(sticky: HTMLElement, interactive: boolean) {
		sticky.toggleAttribute('inert', !interactive);
		sticky.setAttribute('aria-hidden', String(!interactive));
	}

	/**
	 * What can wait after a step change, a frame apart: `inert` restyles every element of a chart, so the
	 * switch itself is only an opacity change; the chart arriving becomes interactive, then the one
	 * leaving stops being so, then the charts out of sight are made ready for the steps ahead.
	 */
	function afterStepChange(index: number) {
		const active = stickies.find((sticky) => sticky.classList.contains('is-active'));
		const others = stickies.filter((sticky) => sticky !== active);
		if (reducedMotion.matches) {
			// With reduced motion the whole change happens in one task, leaving nothing to change after it.
			if (active) setInteractive(active, true);
			others.forEach((sticky) => setInteractive(sticky, false));
			return;
		}
		afterStep.clear();
		if (active) afterStep.push(() => setInteractive(active, true));
		afterStep.push(() => parseAhead(index));
		afterStep.push(() => others.forEach((sticky) => setInteractive(sticky, false)));
		afterStep.push(() => prepareOthers(index));
	}

	/**
	 * Activates step `index`. Everything the reader perceives changes in one go: aria-current on the step,
	 * the chart state, and (after the first, silent activation on load) one announcement in the live region.
	 * `instant` skips transitions on jumps; reduced motion always does, and its CSS declares none anyway.
	 */
	function show(index: number, instant: boolean) {
		const step = steps[index];
		if (!step) return;
		if (!states) {
			pending = index;
			return;
		}
		const chart = step.dataset.chart;
		steps.forEach((other) => {
			if (other === step) other.setAttribute('aria-current', 'step');
			else other.removeAttribute('aria-current');
		});
		for (const sticky of stickies) {
			const isActive = sticky.dataset.sticky === chart;
			if (isActive) bringTo(sticky, index, instant);
			sticky.classList.toggle('is-active', isActive);
			// The chart leaving stays focusable for that frame, so it leaves the accessibility tree with
			// its inert; the chart arriving is in it at once.
			if (isActive) sticky.setAttribute('aria-hidden', 'false');
		}
		afterStepChange(index);
		root!.dataset.activeStep = step.dataset.step;
		// The landing step on load is what the page says already; every change after it is announced once.
		if (live && announced) live.textContent = step.dataset.announce ?? '';
		announced = true;
	}

	const scroller = createScroller({ steps, onstep: show });
	// A link to #step-N names its step outright: take it before the browser has scrolled there, so the
	// reader never sees (or hears) the steps before it.
	const linked = /^#step-(\d+)$/.exec(window.location.hash);
	if (linked && steps[Number(linked[1]) - 1]) scroller.activate(Number(linked[1]) - 1);

	const settle = (loaded: Map<string, string>) => {
		states = loaded;
		root.classList.add('is-ready');
		if (pending !== undefined) show(pending, true);
	};
	// After the first paint: the page's own text and first chart must not wait behind 20 KB of states
	// that nobody sees before scrolling.
	requestAnimationFrame(() =>
		setTimeout(() =>
			loadStates(root.dataset.states ?? '/story-states.json')
				.then(settle)
				// Offline or blocked: steps still become current and announce; charts keep their states.
				.catch(() => settle(new Map()))
		)
	);

	// Keyboard readers: focusing a step brings its card (what the focus ring outlines) on screen, so scroll
	// and focus agree: centred beside a side-by-side chart; at the bottom of the screen on phones, below
	// the chart it would otherwise cover; from its top when it is taller than half the screen. Each way the
	// step's own top ends up above the reading line and the next step's below it.
	const onFocus = (event: FocusEvent) => {
		const step = (event.target as HTMLElement).closest<HTMLElement>('[data-step]');
		if (!step) return;
		const card = step.querySelector<HTMLElement>('.step-card') ?? step;
		// Screens too short for the sticky chart stack each step with its own figure (story.css).
		const stacked = !stickies.some((sticky) => sticky.offsetParent);
		const sideBySide = window.matchMedia('(min-width: 800px)').matches;
		const tall = card.offsetHeight > window.innerHeight / 2;
		(stacked ? step : card).scrollIntoView({
			block: stacked || tall ? 'start' : sideBySide ? 'center' : 'end',
			behavior: 'instant'
		});
		scroller.activate(steps.indexOf(step));
	};
	root.addEventListener('focusin', onFocus);
	root.classList.add('is-enhanced');
	window.addEventListener(
		'pagehide',
		() => {
			scroller.destroy();
			root.removeEventListener('focusin', onFocus);
		},
		{ once: true }
	);
}

if (document.readyState === 'loading')
	document.addEventListener('DOMContentLoaded', enhance, { once: true });
else enhance();
