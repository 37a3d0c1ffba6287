import { BLACK } from '../../../../common/design/colour';
import { elementLabel } from '../element-label';
import { PalettePicker } from '../palette-picker';
import { TypefaceSelect } from '../typeface-select';
import { TextField } from '../text-field';
import type { ElementEditorProps } from './element-editor-props';

export function HeadingFields({ element, path, palette, onChange }: ElementEditorProps<'heading'>) {
  const name = elementLabel(element.id);
  return (
    <>
      <TextField path={`${path}.text`} label={`${name} text`} value={element.text} rows={2} onChange={(text) => onChange({ ...element, text })} />
      <TypefaceSelect path={`${path}.font`} label={`${name} typeface`} value={element.font} onChange={(font) => onChange({ ...element, font })} />
      <PalettePicker path={`${path}.colour`} legend={`${name} colour`} value={element.colour ?? BLACK} palette={palette} onChange={(colour) => onChange({ ...element, colour })} />
    </>
  );
}
