import { describe, expect, it } from 'vitest';
import { fixtureRows } from '../../../tests/fixtures/project';
import { fillTokens } from './tokens';

const rows = fixtureRows();
const fill = (text: string) => fillTokens(text, rows);

describe('fillTokens', () => {
	it('fills the latest figure for a title, keeping "more than"', () => {
		expect(fill('Fury: {downloads:Fury}.')).toEqual({
			text: 'Fury: more than 1.2 million.',
			problems: []
		});
	});

	it('fills the figure reported on a given day', () => {
		expect(fill('{downloads:Fury@2014-11-30}').text).toBe('more than 888,000');
		expect(fill('{downloads:other four}').text).toBe('400,000');
	});

	it('fills provider counts and dates in words', () => {
		expect(fill('{isp-actions:blocked-sites} sites').text).toBe('53 sites');
		expect(fill('{isp-actions:disclosed-subscribers}').text).toBe('more than 500');
		expect(fill('on {date:2010-09-24/2010-09-25}').text).toBe('on 24 or 25 September 2010');
		expect(fill('{date:2010-07}').text).toBe('July 2010');
	});

	it('leaves an unresolved token in place and says why', () => {
		expect(fill('{downloads:Nope} and {date:1999} and {foo:bar}')).toEqual({
			text: '{downloads:Nope} and {date:1999} and {foo:bar}',
			problems: [
				'{downloads:Nope}: no row in data/downloads.csv matches "Nope"',
				'{date:1999}: no row in data/timeline.csv has the date "1999"',
				'{foo:bar}: unknown kind "foo"; use downloads, isp-actions or date'
			]
		});
		expect(fill('{isp-actions:refused-disclosure}').problems).toEqual([
			'{isp-actions:refused-disclosure}: no row in data/isp-actions.csv has action "refused-disclosure" and a count'
		]);
	});

	it('leaves text without tokens alone', () => {
		expect(fill('Plain {braces} stay.')).toEqual({ text: 'Plain {braces} stay.', problems: [] });
	});
});
