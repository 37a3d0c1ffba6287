import type { DesignInput } from '../../../common/design/design-schema';
import type { PreflightWarning } from '../../../common/layout/draw-items';
import type { AssetInfo } from '../../../common/layout/layout-design';
import type { ElementInput, ElementKindInput } from './design-types';
import { elementLabel, KIND_NAMES, pageName } from './element-label';
import { ElementFields } from './elements/element-fields';
import { PalettePicker } from './palette-picker';

interface ElementListProps {
  design: DesignInput;
  pageIndex: number;
  warnings: readonly PreflightWarning[];
  onElementChange: (elementIndex: number, next: ElementInput) => void;
  onBackgroundChange: (colour: string) => void;
  onAssetUploaded: (id: string, size: AssetInfo) => void;
  /** The elements the design's published template locks, and the organisation that locked them; none when absent. */
  locks?: { ids: ReadonlySet<string>; by: string } | null;
}

/** The order the side panel lists elements in: words first, colour shapes last. */
const ORDER: Record<ElementKindInput, number> = { heading: 0, text: 1, image: 2, qr: 3, imprint: 4, shape: 5 };

/** The fields of every element on one page, one card per element. */
export function ElementList({ design, pageIndex, warnings, onElementChange, onBackgroundChange, onAssetUploaded, locks }: ElementListProps) {
  const page = design.pages[pageIndex];
  if (!page) return null;
  const palette = design.palette ?? [];
  const entries = page.elements.map((element, index) => ({ element, index })).sort((a, b) => ORDER[a.element.kind] - ORDER[b.element.kind] || a.index - b.index);
  return (
    <div className="element-list">
      {entries.map(({ element, index }) => {
        const headingId = `element-${pageIndex}-${element.id}`;
        const fields = (
          <ElementFields
            element={element}
            path={`pages[${pageIndex}].elements[${index}]`}
            palette={palette}
            warnings={warnings.filter((w) => w.page === pageIndex && w.elementId === element.id)}
            onChange={(next) => onElementChange(index, next)}
            onAssetUploaded={onAssetUploaded}
          />
        );
        // A locked element (the server refuses any change to it): its fields shown, but none can be used.
        const lockedBy = locks?.ids.has(element.id) ? locks.by : null;
        return (
          <section key={`${pageIndex}-${element.id}-${index}`} className={`element-card element-${element.kind}${lockedBy !== null ? ' element-locked' : ''}`} aria-labelledby={headingId} data-element-card={element.id}>
            <h3 id={headingId}>
              {elementLabel(element.id)} <span className="kind-tag">{KIND_NAMES[element.kind]}</span>
            </h3>
            {lockedBy !== null ? (
              <>
                <p className="lock-note" id={`${headingId}-lock`}>
                  Locked by {lockedBy || 'the organisation that published this template'}: it cannot be moved, changed or deleted.
                </p>
                <fieldset disabled className="locked-fields" aria-describedby={`${headingId}-lock`}>
                  {fields}
                </fieldset>
              </>
            ) : (
              fields
            )}
          </section>
        );
      })}
      {page.background ? (
        <section className="element-card" aria-label={`${pageName(pageIndex, design.pages.length)} background`}>
          <PalettePicker path={`pages[${pageIndex}].background`} legend="Background colour" value={page.background} palette={palette} onChange={onBackgroundChange} />
        </section>
      ) : null}
    </div>
  );
}
