/**
 * The copy-paste code journalists put in their articles, as text. Pure, so the gallery, the story's
 * "Embed this chart" control and oEmbed all give the same code, and the unit tests read it.
 *
 * Pasted code is a snapshot: its height, alt text and caption are written from the data at build time
 * and don't change when the data does (the chart inside the iframe does).
 */
export interface EmbedCodeInput {
	/** The embed id Datawrapper-style hosts key heights by: `downloads`, or `downloads-12` for a step. */
	id: string;
	title: string;
	/** The no-script height in px: the whole chart or step fits at 320 px wide. */
	height: number;
	/** URL of the embed page, absolute when the site's origin is configured. */
	src: string;
	/** URL of our parent loader, /embed.js. */
	loader: string;
	/** Snapshot images and their words, for hosts that take only images (newsletters, RSS, AMP). */
	image?: EmbedImage;
}

export interface EmbedImage {
	/** The column-wide PNG (drawn at 2×) and its size in px. */
	src: string;
	width: number;
	height: number;
	/** The phone-wide PNG, its text legible in a 343 px column, and its size in px. */
	phone: { src: string; width: number; height: number };
	/** One sentence from the live data at build time. */
	alt: string;
	/** Where the image links: the chart or step in the story. */
	href: string;
	/** "Source: …. Data updated …." */
	caption: string;
}

export interface EmbedCodes {
	/** Our recommended code: a plain iframe that works alone, sized live by /embed.js. */
	iframe: string;
	/** For hosts that run pym.js: pym's loader finds the div and builds the iframe. */
	pym: string;
	/** For hosts that already listen for Datawrapper's `datawrapper-height` messages. */
	datawrapper: string;
	/** A linked snapshot, phone or column width, for pages that allow no iframes ('' without one). */
	image: string;
	/** AMP pages: amp-iframe sized by our AMP height messages, with a placeholder and an overflow button. */
	amp: string;
	/** Newsletters and RSS: the image linking to the chart, with caption, source and alt; inline styles. */
	newsletter: string;
}

export const escapeAttr = (value: string) =>
	value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/** The inline listener Datawrapper-style hosts paste once per page; it trusts only the frame's own window. */
const DATAWRAPPER_LISTENER =
	'<script>window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];' +
	'if(!d||typeof d!=="object")return;var f=document.querySelectorAll("iframe");for(var k in d)' +
	'for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=d[k]+"px"});</script>';

function picture(image: EmbedImage): string {
	const { phone } = image;
	// Art direction: below 480 px the phone card, whose text was drawn for that width, not a shrunk one.
	return (
		`<picture><source media="(max-width: 480px)" srcset="${escapeAttr(phone.src)}" ` +
		`width="${phone.width / 2}" height="${phone.height / 2}">` +
		`<img src="${escapeAttr(image.src)}" alt="${escapeAttr(image.alt)}" width="${image.width / 2}" ` +
		`height="${image.height / 2}" style="max-width:100%;height:auto"></picture>`
	);
}

export function embedCodes(input: EmbedCodeInput): EmbedCodes {
	const src = escapeAttr(input.src);
	const title = escapeAttr(input.title);
	const { image } = input;
	const img = image ? `<a href="${escapeAttr(image.href)}">${picture(image)}</a>` : '';
	return {
		iframe:
			`<iframe src="${src}" title="${title}" loading="lazy" width="100%" height="${input.height}" ` +
			`style="border:0"></iframe>\n<script src="${escapeAttr(input.loader)}" async></script>`,
		// No id: pym.js gives each div its own, so any number of these share a page.
		pym:
			`<div data-pym-src="${src}">${img && `<noscript>${img}</noscript>`}</div>\n` +
			'<script src="https://pym.nprapps.org/pym-loader.v1.min.js" async></script>',
		datawrapper:
			`<iframe id="datawrapper-chart-${escapeAttr(input.id)}" src="${src}" title="${title}" ` +
			`loading="lazy" scrolling="no" style="width:0;min-width:100%;border:none" height="${input.height}"></iframe>\n` +
			DATAWRAPPER_LISTENER,
		image: img,
		amp: image
			? `<amp-iframe src="${src}" title="${title}" layout="fixed-height" height="${input.height}" ` +
				'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" ' +
				`resizable frameborder="0">\n  <amp-img placeholder layout="fill" src="${escapeAttr(image.src)}" ` +
				`alt="${escapeAttr(image.alt)}"></amp-img>\n  <button overflow type="button">Show the whole chart</button>\n</amp-iframe>`
			: '',
		newsletter: image
			? `<figure style="margin:0 0 16px">\n  <a href="${escapeAttr(image.href)}"><img src="${escapeAttr(image.src)}" ` +
				`alt="${escapeAttr(image.alt)}" width="${image.width / 2}" style="display:block;width:100%;max-width:${image.width / 2}px;height:auto;border:0"></a>\n` +
				`  <figcaption style="font:13px/1.4 sans-serif">${escapeAttr(input.title)}. ${escapeAttr(image.caption)} ` +
				`<a href="${escapeAttr(image.href)}">See the interactive chart</a></figcaption>\n</figure>`
			: ''
	};
}
