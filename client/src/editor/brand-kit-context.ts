import { createContext, useContext, useEffect, useState } from 'react';
import type { BrandColour, EffectiveBrandKit } from '../../../common/brand/brand-kit';
import { getBrandKit } from '../api/brand-kit-api';
import { SessionContext } from '../session/session-context';

/** No brand kit: outside the editor, while it loads, or when it cannot be read. */
export const NO_BRAND_KIT: EffectiveBrandKit = Object.freeze({ colours: [], logos: [], typefaces: [], imprintMinFontSize: null }) as EffectiveBrandKit;

/**
 * The brand kit the editor offers (the organisation's own and its ancestors', added together): its named
 * colours in the palette picker, its typefaces first in the typeface picker, its logos in every picture's fields.
 */
export const BrandKitContext = createContext<EffectiveBrandKit>(NO_BRAND_KIT);

export function useBrandKit(): EffectiveBrandKit {
  return useContext(BrandKitContext);
}

/** The brand kit's named colours (the organisation's and its ancestors'). */
export function useBrandColours(): readonly BrandColour[] {
  return useContext(BrandKitContext).colours;
}

/** Loads the signed-in organisation's effective brand kit once; none while loading or when it cannot be read (the design's own palette and every font are still offered). */
export function useLoadedBrandKit(): EffectiveBrandKit {
  const orgId = useContext(SessionContext)?.account.organisationId;
  const [kit, setKit] = useState<EffectiveBrandKit>(NO_BRAND_KIT);
  useEffect(() => {
    if (!orgId) return;
    const ctrl = new AbortController();
    getBrandKit(orgId, ctrl.signal).then(
      (body) => setKit(body.effective),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [orgId]);
  return kit;
}
