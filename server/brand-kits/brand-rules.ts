import { effectiveBrandKit } from '../../common/brand/brand-kit';
import type { Design } from '../../common/design/design-schema';
import type { OrganisationStore } from '../accounts/organisation-store';
import { AppError, formatPath } from '../http/app-error';
import type { BrandKitStore } from './brand-kit-store';

/**
 * The brand kit's rules that a design of an organisation must keep (issue 16): for now, the imprint's
 * minimum size, the strictest one of the organisation's kit and those above it.
 */
export class BrandRules {
  constructor(private readonly deps: { kits: BrandKitStore; organisations: OrganisationStore }) {}

  /** The smallest size the organisation's imprint may be set at, points; null when no kit in its tree sets one. */
  async imprintMinFontSize(orgId: string): Promise<number | null> {
    const ancestors = await this.deps.organisations.ancestors(orgId);
    const ids = [...ancestors.map((a) => a.id).reverse(), orgId];
    const kits = await this.deps.kits.kitsOf(ids);
    return effectiveBrandKit(ids.flatMap((id) => (kits.has(id) ? [{ organisation: id, kit: kits.get(id)! }] : []))).imprintMinFontSize;
  }

  /**
   * Refuses (422 imprint_below_brand_minimum, naming the field) a design whose imprint may be set smaller
   * than the rule: its `minFontSize` (the layout may shrink it that far), else its `fontSize`.
   */
  async refuseBrokenRules(orgId: string, design: Design, prefix: ReadonlyArray<PropertyKey> = ['design']): Promise<void> {
    const min = await this.imprintMinFontSize(orgId);
    if (min === null) return;
    for (const [p, page] of design.pages.entries()) {
      for (const [e, el] of page.elements.entries()) {
        if (el.kind !== 'imprint') continue;
        const smallest = el.minFontSize ?? el.fontSize;
        if (smallest >= min) continue;
        const field = el.minFontSize !== undefined ? 'minFontSize' : 'fontSize';
        const message = `the imprint may be set at ${smallest} pt, below the ${min} pt your party's brand kit requires`;
        throw new AppError(422, 'imprint_below_brand_minimum', message, [{ path: formatPath([...prefix, 'pages', p, 'elements', e, field]), message: `must be at least ${min} pt (brand kit)` }]);
      }
    }
  }
}
