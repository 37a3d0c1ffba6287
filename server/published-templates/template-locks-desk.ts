import type { DesignTemplateResponse } from '../../common/api/published-template-response';
import type { Design } from '../../common/design/design-schema';
import { lockedElementsOf, lockViolations, type TemplateLocks } from '../../common/templates/template-locks';
import type { OrganisationStore } from '../accounts/organisation-store';
import type { TemplateLink } from '../designs/saved-design';
import { AppError, formatPath } from '../http/app-error';
import type { PublishedTemplateStore } from './published-template-store';

/**
 * Published templates as the designs made from them see them: which organisations' templates an
 * organisation may use (its ancestors'), and the locks a design made from one must keep, checked on
 * every save and print (422 element_locked, naming the element).
 */
export class TemplateLocksDesk {
  constructor(
    private readonly deps: {
      templates: PublishedTemplateStore;
      organisations: OrganisationStore;
    },
  ) {}

  /** The organisations whose templates `orgId` may use: its ancestors, nearest first. */
  async publishersFor(orgId: string): Promise<Array<{ id: string; name: string }>> {
    return this.deps.organisations.ancestors(orgId);
  }

  /**
   * The locks of the template version a design is (or is to be) made from. `visibleTo`: only a template
   * of one of that organisation's ancestors (a new design); absent: any (a saved design keeps the locks it
   * was made with, even if its organisation moves in the tree since). Null when there is no such template.
   */
  async locksOf(link: TemplateLink, visibleTo?: string): Promise<(TemplateLocks & { response: DesignTemplateResponse }) | null> {
    const publishers = visibleTo === undefined ? null : await this.publishersFor(visibleTo);
    const template = await this.deps.templates.find(publishers?.map((p) => p.id) ?? null, link.id, link.version);
    if (!template) return null;
    const organisationName = (await this.deps.organisations.find(template.orgId))?.name ?? '';
    const { locked } = lockedElementsOf(template.design, template.locked);
    return {
      templateId: template.id,
      version: template.version,
      organisationName,
      locked,
      response: { id: template.id, version: template.version, currentVersion: template.currentVersion, name: template.name, organisationName, locked: template.locked },
    };
  }

  /** Throws 422 element_locked, naming each element, when `design` does not keep the template's locked elements as they are. */
  refuseBrokenLocks(design: Design, locks: TemplateLocks, prefix: ReadonlyArray<PropertyKey> = ['design']): void {
    const violations = lockViolations(design, locks.locked, locks.organisationName);
    if (violations.length === 0) return;
    const fields = violations.map((v) => {
      const index = design.pages[v.page]?.elements.findIndex((e) => e.id === v.elementId) ?? -1;
      return { path: formatPath(index < 0 ? [...prefix, 'pages', v.page, 'elements'] : [...prefix, 'pages', v.page, 'elements', index]), message: v.message };
    });
    throw new AppError(422, 'element_locked', violations.length === 1 ? violations[0]!.message : `${violations.map((v) => `"${v.elementId}"`).join(', ')} are locked by ${locks.organisationName}: they cannot be moved, changed or deleted`, fields);
  }
}
