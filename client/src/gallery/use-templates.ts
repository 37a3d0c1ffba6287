import { useEffect, useState } from 'react';
import { getTemplate, listTemplates, type TemplateDetail } from '../api/templates-api';

export type TemplatesState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; templates: TemplateDetail[] };

/** The built-in templates with their designs (the gallery draws each one's front page). */
export function useTemplates(): TemplatesState {
  const [state, setState] = useState<TemplatesState>({ status: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    listTemplates(ctrl.signal)
      .then((list) => Promise.all(list.map((t) => getTemplate(t.url, ctrl.signal))))
      .then((templates) => setState({ status: 'ready', templates }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => ctrl.abort();
  }, []);
  return state;
}
