import type { DesignInput } from '../../../common/design/design-schema';
import type { TemplateDetail } from '../api/templates-api';
import type { Draft } from '../drafts/draft';
import { newDraftId } from '../drafts/draft-store';

/**
 * A fresh draft from a template: the template's design, nothing sent yet. Its imprint is the template's
 * sample, which the editor flags and Rosette never prints, unless `imprint` is given: the seam for the
 * organisation's own imprint (promoter, on behalf of, usual printer), once organisations keep one.
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
