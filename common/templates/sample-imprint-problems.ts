import type { DesignInput } from '../design/design-schema';
import { SAMPLE_IMPRINT } from './sample-imprint';

/** The three parties of an imprint, in the order the editor shows them. */
const ROLES = ['promoter', 'onBehalfOf', 'printer'] as const;
type Role = (typeof ROLES)[number];
type Party = { name?: unknown; address?: unknown };

/** How each party is named in a sentence. */
const WHO: Record<Role, string> = { promoter: 'promoter', onBehalfOf: '"on behalf of"', printer: 'printer' };

/** What to put in each field instead, for the campaigner. */
const WHAT_TO_FILL: Record<Role, { name: string; address: string }> = {
  promoter: { name: 'the name of the person responsible for this leaflet (often the agent)', address: "the promoter's own postal address" },
  onBehalfOf: { name: 'the candidate or party it promotes, or empty both fields', address: 'their postal address, or empty both fields' },
  printer: { name: 'the name of the company that prints the leaflets', address: "the printer's own postal address" },
};

/**
 * Words that mark a detail as made up: "Alex Example", "2 Sample Road", "Specimen Lane", "[promoter name]",
 * "TBC", "Lorem ipsum", "XXX". Whole words only, so "Exemplar Print" or "Sampleton" stay real.
 */
const PLACEHOLDER = /\b(?:example|sample|specimen|placeholder|dummy|lorem|ipsum|tbc|tba|tbd|xxx+)\b|\[[^\]]*\]|^[\s\-_.?*]*$/i;

/** A sample or placeholder detail in the legal imprint, which must never be printed. */
export interface SampleImprintProblem {
  /** Where the detail is in the design: ['imprint', 'promoter', 'name']. */
  path: ['imprint', Role, 'name' | 'address'];
  /** Says what the detail is and what to fill in instead. */
  message: string;
  /**
   * The same without quoting the detail ("the promoter name is a sample, a placeholder or empty: fill in ..."),
   * for answers about an organisation's stored imprint, which must not echo a person's details back.
   */
  unquoted: string;
}

/**
 * Imprints known to be samples: the templates' own (common/templates/sample-imprint.ts). Once an
 * organisation keeps its own imprint (the records issue), designs start from that instead, and nothing
 * here needs to know: a real imprint passes this check.
 */
const KNOWN_SAMPLES: ReadonlyArray<DesignInput['imprint']> = [SAMPLE_IMPRINT];

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Every detail of a sample imprint, to recognise one copied into another field (a sample address as the printer's). */
const SAMPLE_DETAILS = new Set(
  KNOWN_SAMPLES.flatMap((imprint) => ROLES.flatMap((role) => {
    const party = imprint[role];
    return party ? [normalise(party.name), normalise(party.address)] : [];
  })),
);

/** Whether a detail is a sample's or an obvious placeholder (empty counts: a blank field is not a real detail). */
export function isSampleDetail(text: unknown): boolean {
  if (typeof text !== 'string') return true;
  return SAMPLE_DETAILS.has(normalise(text)) || PLACEHOLDER.test(text.trim());
}

/**
 * The details of a design's imprint that are still a template's sample or an obvious placeholder
 * ("Example", "Sample Road", "[promoter name]", empty). Printing material with a false imprint is an
 * offence, so the server refuses such a design (422 sample_imprint), the worker will not render it, and
 * the editor flags the fields before Send. "On behalf of" is optional: left out entirely, it is fine.
 * Empty required fields are reported too, so this check works on drafts the design schema would refuse.
 */
export function sampleImprintProblems(imprint: unknown): SampleImprintProblem[] {
  const value = (imprint && typeof imprint === 'object' ? imprint : {}) as Partial<Record<Role, Party>>;
  return ROLES.flatMap((role) => {
    const party = value[role];
    if (role === 'onBehalfOf' && party === undefined) return [];
    return (['name', 'address'] as const).flatMap((field): SampleImprintProblem[] => {
      const text = party?.[field];
      if (!isSampleDetail(text)) return [];
      const shown = typeof text === 'string' && text.trim() ? `"${text.trim()}" is a sample ${WHO[role]} ${field}` : `the ${WHO[role]} ${field} is empty`;
      const fill = WHAT_TO_FILL[role][field];
      return [{ path: ['imprint', role, field], message: `${shown}: fill in ${fill}`, unquoted: `the ${WHO[role]} ${field} is a sample, a placeholder or empty: fill in ${fill}` }];
    });
  });
}
