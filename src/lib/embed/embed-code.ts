/**
 * The copy-paste code journalists put in their articles, as text. Pure, so the gallery, the story's
 * "Embed this chart" control and oEmbed all give the same code, and the unit tests read it.
 */
export interface EmbedCodeInput {
	/** The embed id Datawrapper-style hosts key heights by: `downloads`, or `downloads-12` for a step. */
	id: string;
	title: string;
	/** The no-script height in px: the whole chart fits at 320 px wide. */
	height: number;
	/** URL of the embed page, absolute when the site's origin is configured. */
	src: string;
	/** URL of our parent loader, /embed.js. */
	loader: string;
	/** URL of the PNG snapshot (drawn at 2×) and its alt text, for hosts that take only images. */
	image?: { src: string; width: number; height: number; alt: string };
}

export interface EmbedCodes {
	/** Our recommended code: a plain iframe that works alone, sized live by /embed.js. */
	iframe: string;
	/** For hosts that run pym.js: pym's loader finds the div and builds the iframe. */
	pym: string;
	/** For hosts that already listen for Datawrapper's `datawrapper-height` messages. */
	datawrapper: string;
	/** A linked snapshot image, for newsletters and pages that allow no iframes ('' without one). */
	image: string;
}

export const escapeAttr = (value: string) =>
	value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/** The inline listener Datawrapper-style hosts paste once per page; it trusts only the frame's own window. */
const DATAWRAPPER_LISTENER =
	'<script>window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];' +
	'if(!d||typeof d!=="object")return;var f=document.querySelectorAll("iframe");for(var k in d)' +
	'for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=d[k]+"px"});</script>';

export function embedCodes(input: EmbedCodeInput): EmbedCodes {
	const src = escapeAttr(input.src);
	const title = escapeAttr(input.title);
	const { image } = input;
	const img = image
		? `<a href="${src}"><img src="${escapeAttr(image.src)}" alt="${escapeAttr(image.alt)}" ` +
			`width="${image.width / 2}" height="${image.height / 2}" style="max-width:100%;height:auto"></a>`
		: '';
	return {
		iframe:
			`<iframe src="${src}" title="${title}" loading="lazy" width="100%" height="${input.height}" ` +
			`style="border:0"></iframe>\n<script src="${escapeAttr(input.loader)}" async></script>`,
		pym:
			`<div data-pym-src="${src}" id="piracy-${escapeAttr(input.id)}">${img && `<noscript>${img}</noscript>`}</div>\n` +
			'<script src="https://pym.nprapps.org/pym-loader.v1.min.js" async></script>',
		datawrapper:
			`<iframe id="datawrapper-chart-${escapeAttr(input.id)}" src="${src}" title="${title}" ` +
			`loading="lazy" scrolling="no" style="width:0;min-width:100%;border:none" height="${input.height}"></iframe>\n` +
			DATAWRAPPER_LISTENER,
		image: img
	};
}
