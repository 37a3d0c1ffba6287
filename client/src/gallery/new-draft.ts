import type { TemplateDetail } from '../api/templates-api';
import type { Draft } from '../drafts/draft';
import { newDraftId } from '../drafts/draft-store';

/** A fresh draft from a template: the template's design, one copy, nothing sent yet. */
export function newDraft(template: TemplateDetail, now: number = Date.now()): Draft {
  return {
    id: newDraftId(),
    templateId: template.id,
    design: structuredClone(template.design),
    assets: {},
    page: 0,
    pendingPrint: null,
    sentPrint: null,
    savedAt: now,
  };
}
