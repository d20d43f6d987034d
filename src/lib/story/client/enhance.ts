import '../../embed/client/copy-code';
import { createScroller } from './scroller';
import { followActiveStep } from './share';
import { createStickyCharts } from './sticky-charts';

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

function enhance() {
	const root = document.querySelector<HTMLElement>('[data-scrolly]');
	if (!root) return;
	const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
	const stickies = Array.from(root.querySelectorAll<HTMLElement>('[data-sticky]'));
	const live = document.querySelector<HTMLElement>('[data-live]');
	const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	let showChart: ReturnType<typeof createStickyCharts> | undefined;
	let pending: number | undefined;
	let announced = false;

	/**
	 * Activates step `index`. Everything the reader perceives changes in one go: aria-current on the step,
	 * the chart state, and (after the first, silent activation on load) one announcement in the live region.
	 * `instant` skips transitions on jumps; reduced motion always does, and its CSS declares none anyway.
	 */
	function show(index: number, instant: boolean) {
		const step = steps[index];
		if (!step) return;
		if (!showChart) {
			pending = index;
			return;
		}
		steps.forEach((other) => {
			if (other === step) other.setAttribute('aria-current', 'step');
			else other.removeAttribute('aria-current');
		});
		showChart(index, instant);
		root!.dataset.activeStep = step.dataset.step;
		// The landing step on load is what the page says already; every change after it is announced once.
		if (live && announced) live.textContent = step.dataset.announce ?? '';
		if (announced) followActiveStep(step.dataset.step);
		announced = true;
	}

	const scroller = createScroller({ steps, onstep: show });
	// A link to #step-N names its step outright: take it before the browser has scrolled there, so the
	// reader never sees (or hears) the steps before it.
	const linked = /^#step-(\d+)$/.exec(window.location.hash);
	if (linked && steps[Number(linked[1]) - 1]) scroller.activate(Number(linked[1]) - 1);

	const settle = (states: Map<string, string>) => {
		showChart = createStickyCharts({ steps, stickies, states, reducedMotion });
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
