import type { OrganisationImprintState } from '../organisation/use-organisation-imprint';

/**
 * In the gallery: whether new designs start from the organisation's own imprint, and the way to the
 * screen where it is set. Without one, a new design carries the template's sample, which never prints.
 */
export function OrganisationImprintNotice({ state }: { state: OrganisationImprintState }) {
  if (state.status === 'none')
    return (
      <div className="notice notice-wait" id="organisation-imprint-notice">
        <p className="notice-title">Your organisation has no imprint yet.</p>
        <p>
          New designs start with the template&rsquo;s sample imprint, which Rosette will not print. <a href="#/imprint">Set your organisation&rsquo;s imprint</a> once, and every new
          design starts from it.
        </p>
      </div>
    );
  if (state.status === 'set')
    return (
      <p className="field-hint" id="organisation-imprint-notice">
        New designs start from your organisation&rsquo;s imprint (promoted by {state.imprint.promoter.name}). <a href="#/imprint">Your organisation&rsquo;s imprint</a>
      </p>
    );
  return null;
}
