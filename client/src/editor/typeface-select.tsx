import { FONT_FACES, type FontFace } from '../../../common/layout/font-files';
import { fieldId } from './format-path';

/** What a campaigner sees for each typeface (all DejaVu; see common/layout/font-files.ts). */
const TYPEFACE_LABELS: Record<FontFace, string> = { sans: 'Sans', serif: 'Serif', condensed: 'Condensed' };

interface TypefaceSelectProps {
  /** Path of the element's `font` in the design, such as `pages[0].elements[1].font`. */
  path: string;
  label: string;
  /** Absent in designs saved before typefaces could be chosen: Sans, as the schema's default. */
  value: FontFace | undefined;
  onChange: (value: FontFace) => void;
}

/** The "Typeface" select of a heading, text or imprint element. */
export function TypefaceSelect({ path, label, value, onChange }: TypefaceSelectProps) {
  const id = fieldId(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? 'sans'} onChange={(e) => onChange(FONT_FACES.find((f) => f === e.target.value) ?? 'sans')}>
        {FONT_FACES.map((face) => (
          <option key={face} value={face}>
            {TYPEFACE_LABELS[face]}
          </option>
        ))}
      </select>
    </div>
  );
}
