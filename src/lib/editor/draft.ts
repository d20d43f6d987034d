import type { ChartId } from '../charts/chart-ids';

/** Versioned, so a future change of shape can ignore old drafts instead of misreading them. */
const KEY = 'uk-piracy-explainer:editor-draft:v1';

export interface Draft {
	chart: ChartId;
	/** Per chart: the CSV text being edited, when it differs from the published file. */
	texts: Partial<Record<ChartId, string>>;
}

/** Reads the draft kept in this browser; call only from an effect or a handler (it touches storage). */
export function loadDraft(storage: Storage): Draft | undefined {
	try {
		const raw = storage.getItem(KEY);
		if (!raw) return undefined;
		const draft = JSON.parse(raw) as Draft;
		return typeof draft === 'object' && draft && typeof draft.texts === 'object'
			? draft
			: undefined;
	} catch {
		return undefined;
	}
}

/** Keeps the draft; returns false when the browser refused (storage full or disabled). */
export function saveDraft(storage: Storage, draft: Draft): boolean {
	try {
		if (Object.keys(draft.texts).length === 0) storage.removeItem(KEY);
		else storage.setItem(KEY, JSON.stringify(draft));
		return true;
	} catch {
		return false;
	}
}
