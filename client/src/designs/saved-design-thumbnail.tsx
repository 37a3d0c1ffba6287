import { useEffect, useRef, useState } from 'react';
import type { DesignInput } from '../../../common/design/design-schema';
import { getDesign } from '../api/designs-api';
import { TemplateThumbnail } from '../gallery/template-thumbnail';

/** Documents already fetched, by design id and last change: a list shown again draws at once. */
const fetched = new Map<string, DesignInput>();

/**
 * A saved design's front page, drawn in the browser by the editor's own layout code. The list reads no
 * documents (there may be thousands), so each card fetches its design once it scrolls into view.
 */
export function SavedDesignThumbnail({ id, updatedAt, title }: { id: string; updatedAt: string; title: string }) {
  const key = `${id}@${updatedAt}`;
  const [design, setDesign] = useState<DesignInput | null>(() => fetched.get(key) ?? null);
  const [failed, setFailed] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (design) return;
    let live = true;
    const load = () =>
      getDesign(id).then(
        (saved) => {
          fetched.set(key, saved.design);
          if (live) setDesign(saved.design);
        },
        () => live && setFailed(true),
      );
    const el = frame.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      void load();
      return () => void (live = false);
    }
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      void load();
    }, { rootMargin: '200px' });
    seen.observe(el);
    return () => {
      live = false;
      seen.disconnect();
    };
  }, [id, key, design]);
  const orientation = design?.format.orientation ?? 'portrait';
  return (
    <div ref={frame} className={`thumbnail-frame thumbnail-small thumbnail-${orientation}`}>
      {design ? <TemplateThumbnail design={design} name={title} label={`Front page of “${title}”`} /> : <div className="thumbnail-missing">{failed ? 'No preview' : 'Loading the preview…'}</div>}
    </div>
  );
}
