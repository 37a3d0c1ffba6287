import type { PreflightWarning } from '../../../../common/layout/draw-items';
import type { AssetInfo } from '../../../../common/layout/layout-design';
import type { ElementInputOf, ElementKindInput } from '../design-types';

/** What every element's fields get. */
export interface ElementEditorProps<K extends ElementKindInput> {
  element: ElementInputOf<K>;
  /** Path of the element in the design, such as `pages[0].elements[1]`. */
  path: string;
  /** The organisation's palette. */
  palette: readonly string[];
  /** Preflight warnings about this element (low resolution, text near the edge). */
  warnings: readonly PreflightWarning[];
  onChange: (next: ElementInputOf<K>) => void;
  /** Records the pixel size of a newly uploaded image, which the layout needs. */
  onAssetUploaded: (id: string, size: AssetInfo) => void;
}
