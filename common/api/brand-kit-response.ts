import type { BrandKit, EffectiveBrandKit } from '../brand/brand-kit';

/** GET and PUT /api/organisations/:orgId/brand-kit, shared by the server that builds it and the client that reads it. */
export interface BrandKitResponse {
  /** The organisation whose kit this is (for a screen that shows another organisation's, as an admin may). */
  organisation: { id: string; name: string };
  /** The organisation's own additions (empty lists and null when it has none). */
  own: BrandKit;
  /** The kits of the organisations above it, topmost first. */
  inherited: Array<{ organisation: { id: string; name: string }; kit: BrandKit }>;
  /** What its designers are offered: the inherited kits and its own, added together. */
  effective: EffectiveBrandKit;
}
