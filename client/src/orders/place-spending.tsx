import { useId } from 'react';
import type { PlaceOrderInput } from '../../../common/orders/place-order-input';
import type { ElectionSummary } from '../../../common/spending/spending-response';

/** What the agent has chosen: the election, and each candidate's percentage as typed. */
export interface SpendingChoice {
  electionId: string;
  percents: Record<string, string>;
}

/** An equal split of 100 % between the candidates, in hundredths, the odd hundredths to the first. */
export function equalSplit(election: ElectionSummary | undefined): Record<string, string> {
  const ids = election?.candidates.map((c) => c.id) ?? [];
  if (ids.length === 0) return {};
  const each = Math.floor(10_000 / ids.length);
  return Object.fromEntries(ids.map((id, i) => [id, ((i === 0 ? 10_000 - each * (ids.length - 1) : each) / 100).toString()]));
}

/** The place request's body from the choice (the server checks that the percentages add up to 100). */
export function placeBody(choice: SpendingChoice): PlaceOrderInput {
  const parts = Object.entries(choice.percents)
    .filter(([, p]) => p.trim() !== '' && Number(p) !== 0)
    .map(([candidateId, p]) => ({ candidateId, percent: Number(p) }));
  return { spending: { electionId: choice.electionId, split: { by: 'percent', parts } } };
}

/**
 * Before an order is placed: which election's spending it is, and its split between that election's
 * candidates (every placed order is an entry of the spending ledger).
 */
export function PlaceSpending({ elections, choice, onChange }: { elections: ElectionSummary[]; choice: SpendingChoice; onChange: (c: SpendingChoice) => void }) {
  const selectId = useId();
  const election = elections.find((e) => e.id === choice.electionId);
  if (elections.length === 0) {
    return (
      <p className="notice">
        Every order is recorded in the spending ledger: set up the election and its candidates under <a href="#/spending">Spending</a> before placing it.
      </p>
    );
  }
  return (
    <fieldset className="place-spending">
      <legend>Spending for</legend>
      <label htmlFor={selectId}>Election</label>
      <select id={selectId} value={choice.electionId} onChange={(e) => onChange({ electionId: e.target.value, percents: equalSplit(elections.find((x) => x.id === e.target.value)) })}>
        {elections.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      {election?.candidates.map((c) => (
        <label key={c.id} className="place-share">
          {c.name}, percent of the price
          <input type="number" inputMode="decimal" min="0" max="100" step="0.01" value={choice.percents[c.id] ?? ''} onChange={(e) => onChange({ ...choice, percents: { ...choice.percents, [c.id]: e.target.value } })} />
        </label>
      ))}
    </fieldset>
  );
}
