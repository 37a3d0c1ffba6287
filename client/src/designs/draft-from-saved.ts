import type { SavedDesign } from '../api/designs-api';
import type { Draft } from '../drafts/draft';
import { listDrafts, newDraftId } from '../drafts/draft-store';
import { sameDesign } from '../drafts/same-design';

/**
 * A browser draft of a saved design (its current version, or the one the print history printed): it
 * saves back to the same design, and prints are recorded against it. A draft of this browser that
 * already holds exactly this design is reused, so opening a design twice does not pile up drafts.
 */
export function draftFromSaved(saved: SavedDesign, drafts: Draft[] = listDrafts()): Draft {
  const same = drafts.find((d) => d.savedDesignId === saved.id && sameDesign(d.design, saved.design));
  // The template's locks as the server has them now (a newer version may have been published since the draft was made).
  if (same) return { ...same, template: saved.template ?? null };
  return { id: newDraftId(), templateId: '', design: saved.design, assets: {}, page: 0, pendingPrint: null, sentPrint: null, savedAt: Date.now(), savedDesignId: saved.id, template: saved.template ?? null };
}
