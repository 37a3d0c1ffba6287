import type { ImprintInput } from './design-types';
import { useContext } from 'react';
import { ProblemsContext, useProblemsAt } from './problems-context';
import { TextField } from './text-field';

type Party = { name: string; address: string };
type Role = 'printer' | 'promoter' | 'onBehalfOf';

const ROLES: Array<{ role: Role; legend: string; who: string; hint: string }> = [
  { role: 'promoter', legend: 'Promoter', who: 'Promoter', hint: 'The person responsible for the leaflet (often the agent), with their postal address.' },
  { role: 'onBehalfOf', legend: 'On behalf of (if any)', who: 'On behalf of', hint: 'The candidate or party the leaflet promotes, if that is not the promoter. Leave both empty if not needed.' },
  { role: 'printer', legend: 'Printer', who: 'Printer', hint: 'The company that prints the leaflets, with its postal address.' },
];

/**
 * The legal imprint: who promoted the leaflet, on whose behalf, and who printed it, each with an address.
 * "On behalf of" is optional: when both its fields are empty it is left out of the design.
 */
export function ImprintForm({ imprint, onChange }: { imprint: ImprintInput | undefined; onChange: (next: ImprintInput) => void }) {
  const value = (imprint ?? {}) as Partial<Record<Role, Party>>;
  const wholeProblems = useProblemsAt('imprint');
  const samples = useContext(ProblemsContext).filter((p) => p.source === 'sample-imprint');
  const set = (role: Role, field: keyof Party, text: string) => {
    const party = { name: '', address: '', ...value[role], [field]: text };
    const next: Partial<Record<Role, Party>> = { ...value, [role]: party };
    if (role === 'onBehalfOf' && !party.name.trim() && !party.address.trim()) delete next.onBehalfOf;
    onChange({ printer: next.printer ?? { name: '', address: '' }, promoter: next.promoter ?? { name: '', address: '' }, ...(next.onBehalfOf ? { onBehalfOf: next.onBehalfOf } : {}) });
  };
  return (
    <section className="panel-section" id="imprint-form" aria-labelledby="imprint-heading">
      <h2 id="imprint-heading">Imprint</h2>
      <p className="section-intro">Election material must say who promoted it, on whose behalf, and who printed it, with their addresses. It is printed in small type on the leaflet.</p>
      {samples.length > 0 ? (
        <p className="notice notice-error" id="imprint-sample-notice">
          <strong>Fill in your own imprint.</strong> {samples.length === 1 ? 'One detail below is' : `${samples.length} details below are`} still the template&rsquo;s sample or a
          placeholder. Rosette will not print a leaflet with them: printing a false imprint is an offence.
        </p>
      ) : null}
      {wholeProblems.map((p, i) => (
        <p key={i} className="field-problem">
          {p.message}
        </p>
      ))}
      {ROLES.map(({ role, legend, who, hint }) => (
        <fieldset key={role} className="imprint-party">
          <legend>{legend}</legend>
          <p className="field-hint">{hint}</p>
          <TextField path={`imprint.${role}.name`} label={`${who} name`} value={value[role]?.name ?? ''} onChange={(t) => set(role, 'name', t)} />
          <TextField path={`imprint.${role}.address`} label={`${who} address`} value={value[role]?.address ?? ''} onChange={(t) => set(role, 'address', t)} />
        </fieldset>
      ))}
    </section>
  );
}
