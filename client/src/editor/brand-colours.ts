import { createContext, useContext, useEffect, useState } from 'react';
import type { BrandColour } from '../../../common/brand/brand-kit';
import { getBrandKit } from '../api/brand-kit-api';
import { SessionContext } from '../session/session-context';

/** The brand kit's named colours the palette picker offers (the organisation's and its ancestors'); none outside the editor. */
export const BrandColoursContext = createContext<readonly BrandColour[]>([]);

export function useBrandColours(): readonly BrandColour[] {
  return useContext(BrandColoursContext);
}

/** Loads the signed-in organisation's brand colours once; none while loading or when they cannot be read (the design's own palette is still offered). */
export function useLoadedBrandColours(): readonly BrandColour[] {
  const orgId = useContext(SessionContext)?.account.organisationId;
  const [colours, setColours] = useState<readonly BrandColour[]>([]);
  useEffect(() => {
    if (!orgId) return;
    const ctrl = new AbortController();
    getBrandKit(orgId, ctrl.signal).then(
      (kit) => setColours(kit.effective.colours),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [orgId]);
  return colours;
}
