import { morph } from './morph';
import { createScroller } from './scroller';

/**
 * The whole of the story's JavaScript. The page carries the sticky chart in its first state; every other
 * step's chart state is prerendered in /story-states/, fetched once, and the sticky chart is morphed to
 * the active step's state, so the page itself stays small and the charts are never drawn in the browser.
 */
async function loadStates(url: string): Promise<Map<string, Element>> {
	const response = await fetch(url);
	const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
	const states = new Map<string, Element>();
	for (const section of Array.from(doc.querySelectorAll<HTMLElement>('[data-state-for]'))) {
		const body = section.querySelector('[data-body]');
		if (body) states.set(section.dataset.stateFor!, body);
	}
	return states;
}

function enhance() {
	const root = document.querySelector<HTMLElement>('[data-scrolly]');
	if (!root) return;
	const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
	const stickies = Array.from(root.querySelectorAll<HTMLElement>('[data-sticky]'));
	const live = document.querySelector<HTMLElement>('[data-live]');
	const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	let states: Map<string, Element> | undefined;
	let pending: { index: number; instant: boolean } | undefined;

	function show(index: number, instant: boolean) {
		const step = steps[index];
		if (!step) return;
		if (!states) {
			pending = { index, instant };
			return;
		}
		const chart = step.dataset.chart;
		root!.classList.toggle('is-instant', instant || reducedMotion.matches);
		steps.forEach((other) => {
			if (other === step) other.setAttribute('aria-current', 'step');
			else other.removeAttribute('aria-current');
		});
		for (const sticky of stickies) {
			const isActive = sticky.dataset.sticky === chart;
			sticky.classList.toggle('is-active', isActive);
			sticky.toggleAttribute('inert', !isActive);
			sticky.setAttribute('aria-hidden', String(!isActive));
			const target = sticky.querySelector('[data-body]');
			const source = states.get(step.dataset.step!);
			if (isActive && target && source) morph(target, source);
		}
		root!.dataset.activeStep = step.dataset.step;
		if (live && !instant) live.textContent = step.dataset.announce ?? '';
	}

	const scroller = createScroller({ steps, onstep: show });

	loadStates(root.dataset.states ?? '/story-states/')
		.then((loaded) => {
			states = loaded;
			root.classList.add('is-ready');
			if (pending) show(pending.index, true);
		})
		.catch(() => {
			// Offline or blocked: the sticky chart keeps its first state and the steps still read in order.
		});

	// Keyboard readers: focusing a step brings it to the reading line, so scroll and focus agree.
	const onFocus = (event: FocusEvent) => {
		const step = (event.target as HTMLElement).closest<HTMLElement>('[data-step]');
		if (!step) return;
		step.scrollIntoView({ block: 'center', behavior: 'instant' });
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
