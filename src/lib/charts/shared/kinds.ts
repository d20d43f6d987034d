import { ACTIONS, type Action } from '../../schema/isp-actions';
import { CATEGORIES, type Category } from '../../schema/timeline';
import type { Shape } from './symbols';

/**
 * The page's one visual vocabulary. Colour names the lane a row sits in (what kind of thing happened:
 * an attack, a leak, the courts, the providers, politics), and each kind of row has its own shape, so a
 * colour or a shape means the same thing in every chart, state and embed. Red is attacks, and only that.
 */
export interface KindStyle {
	name: string;
	shape: Shape;
	/** CSS class that sets the colour. */
	tone: string;
}

export const CATEGORY_STYLE: Record<Category, KindStyle> = {
	attack: { name: 'Attack', shape: 'triangle', tone: 'cat-attack' },
	leak: { name: 'Leak', shape: 'diamond', tone: 'cat-leak' },
	court: { name: 'Court', shape: 'square', tone: 'cat-court' },
	isp: { name: 'Internet providers', shape: 'circle', tone: 'cat-isp' },
	politics: { name: 'Politics and regulators', shape: 'star', tone: 'cat-politics' }
};

/** Providers' actions sit in the providers' lane and colour; the shape says which action. */
export const ACTION_STYLE: Record<Action, KindStyle & { unit: string }> = {
	'disclosed-subscribers': {
		name: 'Handed over subscriber data',
		shape: 'cross',
		tone: 'cat-isp',
		unit: 'customer records'
	},
	'agreed-to-disclose': {
		name: 'Agreed not to contest a disclosure',
		shape: 'wye',
		tone: 'cat-isp',
		unit: ''
	},
	'suspended-disclosures': {
		name: 'Suspended or stopped disclosures',
		shape: 'hexagon',
		tone: 'cat-isp',
		unit: ''
	},
	'refused-disclosure': {
		name: 'Refused to hand over data',
		shape: 'times',
		tone: 'cat-isp',
		unit: ''
	},
	'sought-suspension': {
		name: 'Asked the court to suspend other requests',
		shape: 'pentagon',
		tone: 'cat-isp',
		unit: ''
	},
	'deleted-records': {
		name: 'Deleted requested records',
		shape: 'triangleDown',
		tone: 'cat-isp',
		unit: 'records deleted'
	},
	'blocked-sites': {
		name: 'Blocked filesharing sites',
		shape: 'bowtie',
		tone: 'cat-isp',
		unit: 'filesharing services blocked'
	}
};

/** The lanes of the story's time chart, top to bottom: a fixed, documented order. */
export const LANE_ORDER: readonly Category[] = CATEGORIES;

export { ACTIONS, CATEGORIES };
