import { useId } from 'react';
import { cmykToSrgb } from '../../../common/colour/convert-colour';
import { colourToCss, inkOf, toCmykColour } from '../../../common/design/colour';
import { colourName, describeColour } from './describe-colour';
import './palette-picker.css';
import { fieldId } from './format-path';
import { useBrandColours } from './brand-kit-context';

interface PalettePickerProps {
  /** Path of the colour in the design. */
  path: string;
  legend: string;
  value: string;
  /** The organisation's palette (the design's `palette`). */
  palette: readonly string[];
  onChange: (colour: string) => void;
}

/**
 * Colour choice from the brand kit's named colours (the organisation's and those it inherits, shown by
 * name) and the design's palette, as a group of radio buttons (arrow keys move between
 * them). A colour the template set outside the palette stays offered, so choosing never loses it.
 * "Other colour" takes any screen colour and converts it once, through the output profile, into the inks
 * that print it; the swatch then shows what those inks look like, which may be duller than the colour typed.
 */
export function PalettePicker({ path, legend, value, palette, onChange }: PalettePickerProps) {
  const name = useId();
  const otherId = useId();
  const proof = `#${cmykToSrgb(inkOf(value)).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  // The brand kit's colours first, by name; then the design's palette (and the current colour) without repeating one.
  const brand = useBrandColours();
  const brandName = new Map(brand.map((b) => [toCmykColour(b.colour), b.name]));
  const listed = [...brand.map((b) => b.colour), ...palette];
  const unique = listed.filter((c, i) => listed.findIndex((o) => toCmykColour(o) === toCmykColour(c)) === i);
  const options = unique.some((c) => toCmykColour(c) === toCmykColour(value)) ? unique : [value, ...unique];
  return (
    <fieldset className="palette" id={fieldId(path)}>
      <legend>{legend}</legend>
      <div className="palette-swatches">
        {options.map((colour) => {
          const id = `${name}-${colour.replace(/[^a-z0-9]/gi, '')}`;
          const named = brandName.get(toCmykColour(colour));
          return (
            <span key={colour} className={named ? 'palette-option palette-brand' : 'palette-option'}>
              <input type="radio" className="visually-hidden" id={id} name={name} value={colour} checked={toCmykColour(colour) === toCmykColour(value)} onChange={() => onChange(colour)} />
              <label htmlFor={id} title={named ? `${named}: ${describeColour(colour)}` : describeColour(colour)}>
                <svg viewBox="0 0 10 10" aria-hidden="true" className="swatch">
                  <rect x="0.5" y="0.5" width="9" height="9" rx="1.5" fill={colourToCss(colour)} stroke="#505050" strokeWidth="0.5" />
                </svg>
                <span className="swatch-name">{named ?? colourName(colour)}</span>
                <span className="visually-hidden">, {describeColour(colour)}</span>
              </label>
            </span>
          );
        })}
      </div>
      <p className="palette-other">
        <label htmlFor={otherId}>Other colour</label>{' '}
        <input type="color" id={otherId} value={proof} onChange={(e) => onChange(toCmykColour(e.target.value))} />{' '}
        <span className="palette-ink">prints as {toCmykColour(value).replace(/^cmyk/, 'CMYK ')}</span>
      </p>
    </fieldset>
  );
}
