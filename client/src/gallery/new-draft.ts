import type { DesignInput } from '../../../common/design/design-schema';
import type { TemplateDetail } from '../api/templates-api';
import type { Draft } from '../drafts/draft';
import { newDraftId } from '../drafts/draft-store';

/**
 * A fresh draft from a template: the template's design, nothing sent yet, starting from the
 * organisation's own imprint (promoter, on behalf of, usual printer) when it keeps one (the gallery
 * passes it; a copy, so the draft's edits stay the draft's). Without one, the imprint is the
 * template's sample, which the editor flags and Rosette never prints.
 */
export function newDraft(template: TemplateDetail, now: number = Date.now(), imprint?: DesignInput['imprint']): Draft {
  const design = structuredClone(template.design);
  return {
    id: newDraftId(),
    templateId: template.id,
    design: imprint ? { ...design, imprint: structuredClone(imprint) } : design,
    assets: {},
    page: 0,
    pendingPrint: null,
    sentPrint: null,
    savedAt: now,
  };
}
