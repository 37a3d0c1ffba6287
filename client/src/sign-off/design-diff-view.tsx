import type { DesignDiff, ElementChange } from '../../../common/sign-off/design-diff';

const PARTY: Record<string, string> = { promoter: 'Promoter', onBehalfOf: 'On behalf of', printer: 'Printer' };
const KIND: Record<ElementChange['kind'], string> = { heading: 'Heading', text: 'Text', image: 'Picture', qr: 'QR code', shape: 'Shape', imprint: 'Imprint box' };

/** "Heading on the front", "Text on the back". */
function where(c: ElementChange, pages: number): string {
  const side = pages === 1 ? '' : c.page === 0 ? ' on the front' : ' on the back';
  return `${KIND[c.kind]}${side}`;
}

/**
 * What changed since the last approved version, for the agent: the words of each element with what was
 * taken out struck through and what was put in underlined (said in words too, for screen readers),
 * pictures swapped, links changed, elements added, removed or restyled, and the imprint field by field.
 */
export function DesignDiffView({ diff, approvedVersion, pages }: { diff: DesignDiff; approvedVersion: number; pages: number }) {
  if (diff.unchanged) return <p>Nothing has changed since version {approvedVersion}, which was approved.</p>;
  return (
    <ul className="diff-list">
      {diff.title ? (
        <li>
          <strong>Name</strong>: “{diff.title.before}” → “{diff.title.after}” (not printed)
        </li>
      ) : null}
      {diff.format ? (
        <li>
          <strong>Paper</strong>: {diff.format.before} → {diff.format.after}
        </li>
      ) : null}
      {diff.imprint.map((c) => (
        <li key={c.field} className="diff-imprint">
          <strong>Imprint, {PARTY[c.field.split('.')[0]!]} {c.field.split('.')[1]}</strong>: {c.before ? <del>{c.before}</del> : <em>none</em>} → {c.after ? <ins>{c.after}</ins> : <em>none</em>}
        </li>
      ))}
      {diff.elements.map((c, i) => (
        <li key={`${c.elementId}-${c.change}-${i}`}>
          <strong>{where(c, pages)}</strong>: <ChangeWords change={c} />
        </li>
      ))}
    </ul>
  );
}

function ChangeWords({ change: c }: { change: ElementChange }) {
  switch (c.change) {
    case 'added':
      return <>added{c.text ? <> — <ins>{c.text}</ins></> : null}</>;
    case 'removed':
      return <>removed{c.text ? <> — <del>{c.text}</del></> : null}</>;
    case 'text':
      return (
        <span className="diff-words">
          {c.words.map((w, i) =>
            w.op === 'same' ? (
              <span key={i}>{w.text}</span>
            ) : w.op === 'added' ? (
              <ins key={i} aria-label={`added: ${w.text}`}>
                {w.text}
              </ins>
            ) : (
              <del key={i} aria-label={`removed: ${w.text}`}>
                {w.text}
              </del>
            ),
          )}
        </span>
      );
    case 'image':
      return <>picture swapped for another</>;
    case 'link':
      return (
        <>
          link changed from <del>{c.before}</del> to <ins>{c.after}</ins>
        </>
      );
    case 'look':
      return <>look changed ({c.fields.join(', ')})</>;
  }
}
