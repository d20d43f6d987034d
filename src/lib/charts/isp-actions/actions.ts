import type { Action } from '../../schema/isp-actions';
import type { Shape } from '../shared/symbols';

/** How each action is named and drawn; the shape carries the meaning without colour. */
export const ACTION_STYLE: Record<Action, { name: string; shape: Shape; unit: string }> = {
	'disclosed-subscribers': {
		name: 'Handed over subscriber data',
		shape: 'circle',
		unit: 'customer records'
	},
	'agreed-to-disclose': { name: 'Agreed not to contest a disclosure', shape: 'triangle', unit: '' },
	'suspended-disclosures': { name: 'Suspended or stopped disclosures', shape: 'square', unit: '' },
	'refused-disclosure': { name: 'Refused to hand over data', shape: 'times', unit: '' },
	'sought-suspension': { name: 'Asked the court to suspend orders', shape: 'diamond', unit: '' },
	'deleted-records': { name: 'Deleted requested records', shape: 'wye', unit: 'records deleted' },
	'blocked-sites': {
		name: 'Blocked filesharing sites',
		shape: 'star',
		unit: 'filesharing services blocked'
	}
};
