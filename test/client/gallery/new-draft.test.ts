import { newDraft } from '../../../client/src/gallery/new-draft';
import type { TemplateDetail } from '../../../client/src/api/templates-api';
import { sampleImprintProblems } from '../../../common/templates/sample-imprint-problems';
import { SAMPLE_IMPRINT } from '../../../common/templates/sample-imprint';
import { findTemplate } from '../../../common/templates/templates';

const ORGANISATION_IMPRINT = {
  promoter: { name: 'Morwenna Tregarthen', address: '17 Quayside Row, Riverside RV4 7QZ' },
  printer: { name: 'Tregarthen Print Works', address: 'Unit 9, Dockyard Estate, Riverside RV4 9DY' },
};

function templateDetail(id: string): TemplateDetail {
  const template = findTemplate(id)!;
  return { id, name: id, description: '', format: { size: 'A5', orientation: 'portrait', widthMm: 148, heightMm: 210 }, pages: template.design.pages.length, url: `/api/templates/${id}`, design: structuredClone(template.design) };
}

describe('a new draft from a template', () => {
  describe("when the organisation keeps its own imprint", () => {
    it("starts from the organisation's imprint instead of the template's sample, so it can print as it is", () => {
      const template = templateDetail('a5-flyer');
      const draft = newDraft(template, 1_000, ORGANISATION_IMPRINT);
      expect(draft.design.imprint).toEqual(ORGANISATION_IMPRINT);
      expect(sampleImprintProblems(draft.design.imprint)).toEqual([]);
      // Everything else is the template's.
      expect({ ...draft.design, imprint: null }).toEqual({ ...template.design, imprint: null });
      expect(draft).toMatchObject({ templateId: 'a5-flyer', savedAt: 1_000, page: 0, pendingPrint: null, sentPrint: null, assets: {} });
    });

    it('copies the imprint, so editing the draft changes neither the organisation\'s nor the template\'s', () => {
      const template = templateDetail('a5-flyer');
      const imprint = structuredClone(ORGANISATION_IMPRINT);
      const draft = newDraft(template, 1_000, imprint);
      (draft.design.imprint as typeof imprint).promoter.name = 'Someone Else';
      (draft.design.pages[0]!.elements as unknown[]).length = 0;
      expect(imprint).toEqual(ORGANISATION_IMPRINT);
      expect(template.design.imprint).toEqual(SAMPLE_IMPRINT);
      expect(template.design.pages[0]!.elements.length).toBeGreaterThan(0);
    });
  });

  describe('when the organisation has none (or it could not be read)', () => {
    it("keeps the template's sample imprint, which the editor flags and Rosette refuses to print", () => {
      const draft = newDraft(templateDetail('a6-postcard'));
      expect(draft.design.imprint).toEqual(SAMPLE_IMPRINT);
      expect(sampleImprintProblems(draft.design.imprint)).toHaveLength(6);
    });
  });

  it('gives every draft an id of its own', () => {
    const template = templateDetail('a5-flyer');
    expect(newDraft(template).id).not.toBe(newDraft(template).id);
  });
});
