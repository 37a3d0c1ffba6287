import { useMemo } from 'react';
import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { pageName } from '../editor/element-label';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes } from '../preview/use-asset-sizes';

/**
 * Every page of the design as it prints, with the elements chosen for locking outlined on top (a
 * second SVG with the same millimetre viewBox, so the outlines sit exactly on the boxes). Clicking an
 * element on the page toggles its lock, as ticking it in the list does.
 */
export function LockedPreview({ design, locked, onToggle }: { design: Design; locked: ReadonlySet<string>; onToggle: (id: string) => void }) {
  const assets = useAssetSizes(design);
  const layout = useMemo(() => {
    const parsed = designSchema.safeParse(design);
    return parsed.success ? layoutDesign(parsed.data, new Map(Object.entries(assets))) : null;
  }, [design, assets]);
  if (!layout) return <p>This design cannot be previewed.</p>;
  const { trim } = layout.geometry;
  // Outlines in millimetres, thick enough to see on a thumbnail-sized page.
  const stroke = Math.max(trim.width, trim.height) / 150;
  return (
    <div className="publish-pages">
      {design.pages.map((page, p) => {
        const name = pageName(p, design.pages.length);
        const chosen = page.elements.filter((el) => locked.has(el.id));
        return (
          <figure key={p} className="publish-page">
            <div className="publish-page-frame">
              <PageSvg layout={layout} pageIndex={p} title={`${name} of ${design.title}, locked parts outlined`} className="publish-page-svg" onElementClick={onToggle} />
              <svg className="publish-locks" viewBox={`0 0 ${trim.width} ${trim.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                {chosen.map((el) => (
                  <rect
                    key={el.id}
                    data-locked-element={el.id}
                    x={el.box.x}
                    y={el.box.y}
                    width={el.box.width}
                    height={el.box.height}
                    fill="rgba(26, 79, 214, 0.18)"
                    stroke="#1a4fd6"
                    strokeWidth={stroke}
                    strokeDasharray={`${stroke * 3} ${stroke * 1.5}`}
                  />
                ))}
              </svg>
            </div>
            <figcaption>
              {name}: {chosen.length === 0 ? 'nothing locked' : `${chosen.length} locked`}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
