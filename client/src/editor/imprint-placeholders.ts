import type { DesignInput } from '../../../common/design/design-schema';

type Party = { name: string; address: string };

/** The design with every empty imprint field shown as a placeholder such as "[promoter address]", for the preview only. */
export function withImprintPlaceholders(design: DesignInput): DesignInput {
  const imprint = (design.imprint ?? {}) as Partial<Record<'printer' | 'promoter' | 'onBehalfOf', Partial<Party>>>;
  const fill = (party: Partial<Party> | undefined, who: string): Party => ({
    name: party?.name?.trim() ? party.name : `[${who} name]`,
    address: party?.address?.trim() ? party.address : `[${who} address]`,
  });
  return {
    ...design,
    imprint: {
      printer: fill(imprint.printer, 'printer'),
      promoter: fill(imprint.promoter, 'promoter'),
      ...(imprint.onBehalfOf ? { onBehalfOf: fill(imprint.onBehalfOf, 'on behalf of') } : {}),
    },
  };
}
