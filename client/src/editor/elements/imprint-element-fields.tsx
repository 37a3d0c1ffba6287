import { BLACK } from '../../../../common/design/colour';
import { PalettePicker } from '../palette-picker';
import type { ElementEditorProps } from './element-editor-props';

export function ImprintElementFields({ element, path, palette, onChange }: ElementEditorProps<'imprint'>) {
  return (
    <>
      <p className="field-hint">
        Its words come from the <a href="#imprint-form">imprint form</a> below.
      </p>
      <PalettePicker path={`${path}.colour`} legend="Imprint colour" value={element.colour ?? BLACK} palette={palette} onChange={(colour) => onChange({ ...element, colour })} />
    </>
  );
}
