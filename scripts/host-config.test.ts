import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	collectHeaders,
	headerRules,
	netlifyHeaders,
	nginxConf,
	type Rule
} from './host-config.js';

let build: string;
const POLICY = "default-src 'self'; script-src 'self'";
const EDITOR_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const FALLBACK = "default-src 'self'";

function write(path: string, content = 'x'): void {
	mkdirSync(dirname(join(build, path)), { recursive: true });
	writeFileSync(join(build, path), content);
}
const page = (policy: string) =>
	`<!doctype html><meta http-equiv="content-security-policy" content="${policy}"><p>hi</p>`;

beforeEach(() => {
	build = mkdtempSync(join(tmpdir(), 'host-config-'));
	write('index.html', page(POLICY));
	write('404.html', '<!doctype html><p>Not found</p>');
	write('editor/index.html', page(EDITOR_POLICY));
	write('embed/downloads/index.html', page(POLICY));
	write('embed/downloads/__data.json', '{}');
	write('embed/downloads/3/index.html', page(POLICY));
	write('_app/immutable/entry/start.abc.js');
	write('_app/version.json', '{}');
	write('data/downloads.csv');
	write('index.html.gz');
	write('_headers');
});
afterEach(() => rmSync(build, { recursive: true, force: true }));

/** What a host applying `_headers` sends for a URL: every matching rule, as Netlify joins them. */
function applied(rules: Rule[], url: string): Record<string, string[]> {
	const sent: Record<string, string[]> = {};
	for (const rule of rules) {
		const matches = rule.path.endsWith('*')
			? url.startsWith(rule.path.slice(0, -1))
			: url === rule.path;
		if (!matches) continue;
		for (const [name, value] of Object.entries(rule.headers)) (sent[name] ??= []).push(value);
	}
	return sent;
}

describe('host configs', () => {
	it('gives each page the policy from its own <meta>, with frame-ancestors added', () => {
		const entries = collectHeaders(build, FALLBACK);
		const csp = (file: string) =>
			entries.find((entry) => entry.file === file)?.headers['Content-Security-Policy'];
		expect(csp('/editor/index.html')).toBe(`${EDITOR_POLICY}; frame-ancestors 'self'`);
		expect(csp('/embed/downloads/3/index.html')).toBe(`${POLICY}; frame-ancestors *`);
		expect(csp('/404.html')).toBe(`${FALLBACK}; frame-ancestors 'self'`);
		expect(entries.map((entry) => entry.file)).not.toContain('/index.html.gz');
		expect(entries.map((entry) => entry.file)).not.toContain('/_headers');
	});

	it('_headers sends every file exactly the headers npm start sends, each header once', () => {
		const entries = collectHeaders(build, FALLBACK);
		const rules = headerRules(entries);
		for (const entry of entries) {
			const sent = applied(rules, entry.url);
			const expected = Object.fromEntries(
				Object.entries(entry.headers).map(([name, value]) => [name, [value]])
			);
			expect(sent, entry.url).toEqual(expected);
		}
		const text = netlifyHeaders(entries);
		expect(text).toContain(
			'/_app/immutable/*\n  Cache-Control: public, max-age=31536000, immutable'
		);
		// The only file under /editor/ is the page, so one wildcard rule carries its policy.
		expect(text).toContain(`/editor/*\n`);
		expect(text).toContain(`Content-Security-Policy: ${EDITOR_POLICY}; frame-ancestors 'self'\n`);
	});

	it('nginx maps every path to the same values, added once at server level', () => {
		const conf = nginxConf(collectHeaders(build, FALLBACK));
		expect(conf).toContain(`"~^/editor/" "${EDITOR_POLICY}; frame-ancestors 'self'";`);
		expect(conf).toContain('"~^/_app/immutable/" "public, max-age=31536000, immutable";');
		expect(conf).toContain(`"/embed/downloads/index.html" "${POLICY}; frame-ancestors *";`);
		expect(conf).toContain('add_header X-Content-Type-Options "nosniff" always;');
		expect(conf).toContain(
			'add_header Content-Security-Policy $explainer_content_security_policy always;'
		);
		// One add_header per header: a location with its own add_header would drop the others.
		expect(conf.match(/add_header/g)).toHaveLength(5);
		expect(conf).not.toMatch(/location[^{]*\{[^}]*add_header/);
	});

	it('needs a rule per folder, not per page: a story of 150 steps stays under 100 rules', () => {
		for (let n = 1; n <= 150; n++) {
			write(`step/${n}/index.html`, page(POLICY));
			write(`embed/downloads/${n}/index.html`, page(POLICY));
			write(`embed/downloads/${n}/oembed.json`, '{}');
			write(`snapshots/step-${n}.svg`);
		}
		const entries = collectHeaders(build, POLICY);
		const rules = headerRules(entries);
		expect(rules.length).toBeLessThan(20);
		for (const entry of entries)
			expect(Object.keys(applied(rules, entry.url)).sort(), entry.url).toEqual(
				Object.keys(entry.headers).sort()
			);
	});
});
