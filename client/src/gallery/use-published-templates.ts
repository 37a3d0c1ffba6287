import { useEffect, useState } from 'react';
import { getPublishedTemplate, listPublishedTemplates, type PublishedTemplateResponse } from '../api/published-templates-api';

export type PublishedTemplatesState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; templates: PublishedTemplateResponse[] };

/**
 * The templates published to the organisation by those above it, with their designs (the gallery draws
 * each one's front page). Its own published templates are for those below it, so they are not offered here.
 */
export function usePublishedTemplates(): PublishedTemplatesState {
  const [state, setState] = useState<PublishedTemplatesState>({ status: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    listPublishedTemplates(ctrl.signal)
      .then((list) => Promise.all(list.filter((t) => !t.own).map((t) => getPublishedTemplate(t.url, ctrl.signal))))
      .then((templates) => setState({ status: 'ready', templates }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => ctrl.abort();
  }, []);
  return state;
}
