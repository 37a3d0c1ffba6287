import { useCallback, useEffect, useState } from 'react';
import { getDesign, type SavedDesign } from '../api/designs-api';
import { errorSentence } from '../api/error-sentence';
import { listPublishedTemplates, listPublishedVersions, type PublishedTemplateSummary, type PublishedTemplateVersionsResponse } from '../api/published-templates-api';

/** A saved design and, once it has been published, its template and every published version. */
export type PublishState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; design: SavedDesign; template: PublishedTemplateSummary | null; versions: PublishedTemplateVersionsResponse['versions'] };

/** Loads what the publish screen shows for one design; `reload` after publishing. */
export function usePublishState(designId: string): [PublishState, () => void] {
  const [state, setState] = useState<PublishState>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      const [design, templates] = await Promise.all([getDesign(designId), listPublishedTemplates()]);
      const template = templates.find((t) => t.own && t.sourceDesignId === designId) ?? null;
      const versions = template ? (await listPublishedVersions(template.id)).versions : [];
      setState({ status: 'ready', design, template, versions });
    } catch (err) {
      setState({ status: 'failed', message: errorSentence(err) });
    }
  }, [designId]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, () => void load()];
}
