import { elementLabel } from '../element-label';
import { PalettePicker } from '../palette-picker';
import type { ElementEditorProps } from './element-editor-props';

export function ShapeFields({ element, path, palette, onChange }: ElementEditorProps<'shape'>) {
  return <PalettePicker path={`${path}.fill`} legend={`${elementLabel(element.id)} colour`} value={element.fill} palette={palette} onChange={(fill) => onChange({ ...element, fill })} />;
}
