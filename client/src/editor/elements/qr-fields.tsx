import { elementLabel } from '../element-label';
import { TextField } from '../text-field';
import type { ElementEditorProps } from './element-editor-props';

export function QrFields({ element, path, onChange }: ElementEditorProps<'qr'>) {
  return (
    <TextField
      path={`${path}.url`}
      type="url"
      label={`${elementLabel(element.id)}: web address it opens`}
      hint="Starts with https://. Test the printed code with a phone before you print thousands."
      value={element.url}
      onChange={(url) => onChange({ ...element, url: url.trim() })}
    />
  );
}
