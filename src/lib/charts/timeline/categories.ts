import type { Category } from '../../schema/timeline';
import type { Shape } from '../shared/symbols';

export const CATEGORY_STYLE: Record<Category, { name: string; shape: Shape }> = {
	attack: { name: 'Attack', shape: 'triangle' },
	leak: { name: 'Leak', shape: 'diamond' },
	court: { name: 'Court', shape: 'square' },
	isp: { name: 'Internet provider', shape: 'circle' },
	politics: { name: 'Politics', shape: 'star' }
};
