import { useId } from 'react';
import { colourToCss } from '../../../common/design/colour';
import { describeColour } from './describe-colour';
import { fieldId } from './format-path';

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
 * Colour choice from the organisation's palette, as a group of radio buttons (arrow keys move between
 * them). A colour the template set outside the palette stays offered, so choosing never loses it.
 */
export function PalettePicker({ path, legend, value, palette, onChange }: PalettePickerProps) {
  const name = useId();
  const options = palette.includes(value) ? palette : [value, ...palette];
  return (
    <fieldset className="palette" id={fieldId(path)}>
      <legend>{legend}</legend>
      <div className="palette-swatches">
        {options.map((colour) => {
          const id = `${name}-${colour.replace(/[^a-z0-9]/gi, '')}`;
          return (
            <span key={colour} className="palette-option">
              <input type="radio" className="visually-hidden" id={id} name={name} value={colour} checked={colour === value} onChange={() => onChange(colour)} />
              <label htmlFor={id} title={describeColour(colour)}>
                <svg viewBox="0 0 10 10" aria-hidden="true" className="swatch">
                  <rect x="0.5" y="0.5" width="9" height="9" rx="1.5" fill={colourToCss(colour)} stroke="#505050" strokeWidth="0.5" />
                </svg>
                <span className="visually-hidden">{describeColour(colour)}</span>
              </label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}
