/**
 * The height messages an embed sends to its parent page, in every format common hosts understand, and
 * the one parser our own parent loader (/embed.js) accepts. Pure: no DOM, so both sides and the unit
 * tests share it.
 */

const PYM = 'xPYMx';

export interface Sender {
	/** pym.js's id for this frame: the `childId` URL parameter pym's parent adds, else the embed id. */
	childId: string;
	/** Datawrapper's key in `{"datawrapper-height": {<id>: px}}`. */
	id: string;
	/** The embed page's own URL, as Datawrapper and Flourish send it in `iframe.resize`. */
	src: string;
	/** WordPress's per-embed secret (`#?secret=…` on the frame's URL), when WordPress framed us. */
	secret?: string;
}

/** Whole pixels, rounded up: a height 0.4 px short of the content shows a 1 px inner scrollbar. */
export function wholeHeight(height: number): number {
	return Math.ceil(height - 0.01);
}

/**
 * The same height in the four formats: pym.js, Datawrapper, AMP (also frames/sidechain), embed.ly JSON;
 * and in WordPress's (wp-embed.js: `{message: 'height', value, secret}`) when WordPress framed us.
 */
export function heightMessages(height: number, sender: Sender): unknown[] {
	const messages: unknown[] = [
		`pym${PYM}${sender.childId}${PYM}height${PYM}${height}`,
		{ 'datawrapper-height': { [sender.id]: height } },
		{ sentinel: 'amp', type: 'embed-size', height },
		JSON.stringify({ src: sender.src, context: 'iframe.resize', height })
	];
	if (sender.secret) messages.push({ message: 'height', value: height, secret: sender.secret });
	return messages;
}

/**
 * WordPress adds `#?secret=<letters and digits>` to an oEmbed iframe's URL and sizes only the frame
 * whose `data-secret` matches the message's (wp-embed.js refuses any other character).
 */
export function wordpressSecret(hash: string): string | undefined {
	return /[#&?]secret=([a-zA-Z0-9]+)(?:&|$)/.exec(hash)?.[1];
}

/** wp-embed.js asks each frame for its height again with `{message: 'ready', secret}`. */
export function isWordPressReady(data: unknown, secret: string | undefined): boolean {
	const record = data as { message?: unknown; secret?: unknown } | null;
	return Boolean(secret && record?.message === 'ready' && record.secret === secret);
}

/** The one message /embed.js sends a frame: which theme its host paints behind it. */
export const THEME_KEY = 'piracy-theme';
export type HostTheme = 'light' | 'dark';

export function readTheme(data: unknown): HostTheme | undefined {
	const theme = (data as Record<string, unknown> | null)?.[THEME_KEY];
	return theme === 'light' || theme === 'dark' ? theme : undefined;
}

/** pym.js's parent asks for a height by sending its width: `pymxPYMx<childId>xPYMxwidthxPYMx<px>`. */
export function isPymWidthRequest(data: unknown, childId: string): boolean {
	return typeof data === 'string' && data.startsWith(`pym${PYM}${childId}${PYM}width${PYM}`);
}

const MAX_HEIGHT = 100_000;

function valid(height: unknown): number | undefined {
	const n = typeof height === 'string' ? Number(height) : height;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_HEIGHT ? n : undefined;
}

/**
 * The height in any of our four formats, or undefined for anything else (other scripts' messages,
 * malformed or absurd heights). Who sent it is the caller's check: this only reads the payload.
 */
export function readHeight(data: unknown): number | undefined {
	if (typeof data === 'string') {
		const pym = /^pymxPYMx[^]*?xPYMxheightxPYMx(\d+)$/.exec(data);
		if (pym) return valid(pym[1]);
		if (!data.startsWith('{')) return undefined;
		try {
			const json: unknown = JSON.parse(data);
			return json && (json as { context?: unknown }).context === 'iframe.resize'
				? valid((json as { height?: unknown }).height)
				: undefined;
		} catch {
			return undefined;
		}
	}
	if (!data || typeof data !== 'object') return undefined;
	const record = data as Record<string, unknown>;
	if (record.sentinel === 'amp' && record.type === 'embed-size') return valid(record.height);
	const dw = record['datawrapper-height'];
	if (dw && typeof dw === 'object') {
		const values = Object.values(dw);
		return values.length === 1 ? valid(values[0]) : undefined;
	}
	return undefined;
}
