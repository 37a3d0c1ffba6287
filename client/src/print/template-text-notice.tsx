import type { UnchangedPage } from './template-text-refusal';

interface TemplateTextNoticeProps {
  pages: readonly UnchangedPage[];
  /** False once the design has changed since the refusal: send it again to have it checked. */
  canPrintAsItIs: boolean;
  onPrintAsItIs: () => void;
  onGoToField: (path: string) => void;
  /** Rosette is closed just now: the answer queues the leaflet in this browser rather than sending it. */
  queueing?: boolean;
}

/** The server would not print the template's own words unasked: where they are, and the choice to change them or print them. */
export function TemplateTextNotice({ pages, canPrintAsItIs, onPrintAsItIs, onGoToField, queueing = false }: TemplateTextNoticeProps) {
  return (
    <div className="notice notice-wait" id="template-text-notice">
      <p className="notice-title">Some words are still the template&rsquo;s</p>
      <ul>
        {pages.map((page) => (
          <li key={page.path}>
            {capitalise(page.message)}.{' '}
            <button type="button" className="link-button" onClick={() => onGoToField(page.path)}>
              Edit the words on page {pageNumber(page.path)}
            </button>
          </li>
        ))}
      </ul>
      {canPrintAsItIs ? (
        <>
          <p>Write your own words there, or print them as they are if you mean to.</p>
          {queueing ? (
            <p>
              Rosette is closed just now, so it asks before your leaflet is queued: once you choose, it waits in this browser and is sent by itself, as you chose, when
              Rosette is back.
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={onPrintAsItIs}>
              Print as it is
            </button>
          </div>
        </>
      ) : (
        <p>You have changed the leaflet since: send it again to check the words.</p>
      )}
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** The page a design path is on, counting from 1 ("pages[1]..." is page 2). */
const pageNumber = (path: string) => Number(/^pages\[(\d+)\]/.exec(path)?.[1] ?? 0) + 1;
