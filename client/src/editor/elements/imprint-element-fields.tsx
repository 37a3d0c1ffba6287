import { BLACK } from '../../../../common/design/colour';
import { PalettePicker } from '../palette-picker';
import { TypefaceSelect } from '../typeface-select';
import type { ElementEditorProps } from './element-editor-props';

export function ImprintElementFields({ element, path, palette, onChange }: ElementEditorProps<'imprint'>) {
  return (
    <>
      <p className="field-hint">
        Its words come from the <a href="#imprint-form">imprint form</a> below.
      </p>
      <TypefaceSelect path={`${path}.font`} label="Imprint typeface" value={element.font} onChange={(font) => onChange({ ...element, font })} />
      <PalettePicker path={`${path}.colour`} legend="Imprint colour" value={element.colour ?? BLACK} palette={palette} onChange={(colour) => onChange({ ...element, colour })} />
    </>
  );
}
