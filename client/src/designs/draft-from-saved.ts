import type { SavedDesign } from '../api/designs-api';
import type { Draft } from '../drafts/draft';
import { newDraftId } from '../drafts/draft-store';

/**
 * A browser draft of a saved design (its current version, or the one the print history printed): it
 * saves back to the same design, and prints are recorded against it.
 */
export function draftFromSaved(saved: SavedDesign): Draft {
  return { id: newDraftId(), templateId: '', design: saved.design, assets: {}, page: 0, pendingPrint: null, sentPrint: null, savedAt: Date.now(), savedDesignId: saved.id };
}
