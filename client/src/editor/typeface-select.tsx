import { FONT_FACES, type FontFace } from '../../../common/layout/font-files';
import { useBrandKit } from './brand-kit-context';
import { fieldId } from './format-path';
import { typefaceOptions, type TypefaceOption } from './typeface-options';

interface TypefaceSelectProps {
  /** Path of the element's `font` in the design, such as `pages[0].elements[1].font`. */
  path: string;
  label: string;
  /** Absent in designs saved before typefaces could be chosen: Sans, as the schema's default. */
  value: FontFace | undefined;
  onChange: (value: FontFace) => void;
}

/**
 * The "Typeface" select of a heading, text or imprint element: the brand kit's typefaces first, grouped
 * and labelled as the brand's, then Rosette's other fonts (a design may use any of them).
 */
export function TypefaceSelect({ path, label, value, onChange }: TypefaceSelectProps) {
  const id = fieldId(path);
  const options = typefaceOptions(useBrandKit().typefaces);
  const brand = options.filter((o) => o.brand);
  const others = options.filter((o) => !o.brand);
  const list = (of: TypefaceOption[]) =>
    of.map((o) => (
      <option key={o.face} value={o.face}>
        {o.label}
      </option>
    ));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? 'sans'} onChange={(e) => onChange(FONT_FACES.find((f) => f === e.target.value) ?? 'sans')}>
        {brand.length === 0 ? (
          list(others)
        ) : (
          <>
            <optgroup label="Your brand's typefaces">{list(brand)}</optgroup>
            {others.length > 0 ? <optgroup label="Other typefaces">{list(others)}</optgroup> : null}
          </>
        )}
      </select>
    </div>
  );
}
