import type { Draft } from './draft';

/** localStorage keys of drafts start with this; the suffix is the draft id. */
const KEY_PREFIX = 'rosette.draft.v1.';

/** Drafts in this browser, newest first. Unreadable entries are skipped, never thrown at the campaigner. */
export function listDrafts(storage: Storage = localStorage): Draft[] {
  const drafts = draftKeys(storage)
    .map((key) => parseDraft(storage.getItem(key)))
    .filter((d): d is Draft => d !== null);
  return drafts.sort((a, b) => b.savedAt - a.savedAt);
}

export function loadDraft(id: string, storage: Storage = localStorage): Draft | null {
  return parseDraft(storage.getItem(KEY_PREFIX + id));
}

/**
 * Saves a draft; throws when the browser refuses (storage full or turned off) so the page can say so.
 * Old drafts are never dropped to make room: only the campaigner deletes a draft. A design takes tens
 * of kilobytes, so the usual 5 MB of localStorage holds a hundred or more.
 */
export function saveDraft(draft: Draft, storage: Storage = localStorage): void {
  storage.setItem(KEY_PREFIX + draft.id, JSON.stringify(draft));
}

function draftKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEY_PREFIX)) keys.push(key);
  }
  return keys;
}

export function deleteDraft(id: string, storage: Storage = localStorage): void {
  storage.removeItem(KEY_PREFIX + id);
}

/** A random draft id, safe in a URL (getRandomValues, unlike randomUUID, works on plain http too). */
export function newDraftId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isTemplateLink(value: unknown): value is NonNullable<Draft['template']> {
  const t = value as Draft['template'];
  return typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.organisationName === 'string' && Array.isArray(t.locked) && t.locked.every((id) => typeof id === 'string');
}

function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Draft>;
    if (typeof value.id !== 'string' || typeof value.design !== 'object' || !value.design || !Array.isArray(value.design.pages)) return null;
    return {
      id: value.id,
      templateId: String(value.templateId ?? ''),
      design: value.design,
      assets: value.assets ?? {},
      page: typeof value.page === 'number' ? value.page : 0,
      pendingPrint: value.pendingPrint ?? null,
      sentPrint: value.sentPrint ?? null,
      ...(value.refusedPrint && typeof value.refusedPrint.code === 'string' ? { refusedPrint: value.refusedPrint } : {}),
      savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
      ...(typeof value.savedDesignId === 'string' ? { savedDesignId: value.savedDesignId } : {}),
      // The published template's locks: kept only when whole (the server checks them on every save and print anyway).
      ...(isTemplateLink(value.template) ? { template: value.template } : {}),
    };
  } catch {
    return null;
  }
}
