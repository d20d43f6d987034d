import { describe, expect, it } from 'vitest';
import { balanceBidi, isolate, shorten, xmlSafe } from './text';

const RLO = '\u202e';
const FSI = '\u2068';
const PDI = '\u2069';
const RLI = '\u2067';

describe('isolate', () => {
	it('leaves plain ASCII alone, so ordinary labels are byte for byte what the editor typed', () => {
		expect(isolate('Fury')).toBe('Fury');
	});

	it('wraps anything that could be right-to-left, or a control, in a first-strong isolate', () => {
		expect(isolate(`${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
		expect(isolate('שלום')).toBe(`${FSI}שלום${PDI}`);
	});

	it('drops a stray PDI that would otherwise close our isolate early', () => {
		expect(isolate(`a${PDI}${RLO}b`)).toBe(`${FSI}a${RLO}b${PDI}`);
	});

	it('closes isolates the text leaves open, so the closing PDI is ours', () => {
		expect(balanceBidi(`${RLI}x`)).toBe(`${RLI}x${PDI}`);
		expect(balanceBidi(`${RLI}x${PDI}y`)).toBe(`${RLI}x${PDI}y`);
	});
});

describe('shorten', () => {
	it('keeps short labels whole', () => {
		expect(shorten('Annie')).toBe('Annie');
	});

	it('cuts long labels to the limit with the ellipsis outside the isolate', () => {
		const long = `${RLO}${'x'.repeat(10_000)}`;
		const short = shorten(long, 10);
		expect(short.endsWith(`${PDI}…`)).toBe(true);
		expect([...short.replace(/[\u2068\u2069]/g, '')]).toHaveLength(10);
	});

	it('never cuts an emoji in two', () => {
		const family = '👨‍👩‍👧';
		expect(shorten(`${family.repeat(5)}`, 3)).toBe(`${FSI}${family}${family}${PDI}…`);
	});
});

describe('xmlSafe', () => {
	it('removes characters XML forbids and keeps tabs, line breaks, emoji and bidi controls', () => {
		expect(xmlSafe('a\u0000b\u0001c\u001fd\tе\n😀\u202e')).toBe('abcd\tе\n😀\u202e');
		expect(xmlSafe('x\ud800y')).toBe('xy');
	});
});
