import type { Imprint } from '../design/design-schema';

/** The imprint as one sentence, in the wording UK election law and the Electoral Commission use. */
export function imprintText(imprint: Imprint): string {
  const { printer, promoter, onBehalfOf } = imprint;
  const promoted = onBehalfOf
    ? `Promoted by ${promoter.name}, ${promoter.address}, on behalf of ${onBehalfOf.name}, ${onBehalfOf.address}.`
    : `Promoted by ${promoter.name}, ${promoter.address}.`;
  return `${promoted} Printed by ${printer.name}, ${printer.address}.`;
}
