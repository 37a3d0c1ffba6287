import { colourToCss, parseColour } from '../../../common/design/colour';
import { SAMPLE_PALETTE_NAMES } from '../../../common/templates/sample-imprint';

const HUES: Array<[number, string]> = [
  [15, 'red'],
  [45, 'orange'],
  [70, 'yellow'],
  [165, 'green'],
  [200, 'teal'],
  [255, 'blue'],
  [290, 'purple'],
  [340, 'pink'],
  [360, 'red'],
];

/** A colour's short name, shown under its swatch: the palette's own name ("Deep blue"), or one from its hue ("Dark red"). */
export function colourName(colour: string): string {
  const named = SAMPLE_PALETTE_NAMES[colour];
  if (named) return named;
  const hue = hueName(colour);
  return hue ? hue.charAt(0).toUpperCase() + hue.slice(1) : colour;
}

/** A colour in words for screen readers and tooltips, such as "dark red (#c8102e)" or "red, print-exact CMYK". */
export function describeColour(colour: string): string {
  const parsed = parseColour(colour);
  const name = hueName(colour);
  if (!parsed || !name) return colour;
  return parsed.space === 'cmyk' ? `${name}, print-exact CMYK ${colour.replace(/^cmyk/, '')}` : `${name} (${colour})`;
}

function hueName(colour: string): string | null {
  const parsed = parseColour(colour);
  if (!parsed) return null;
  const [r, g, b] = (/rgb\((\d+), (\d+), (\d+)\)/.exec(colourToCss(colour)) ?? []).slice(1).map(Number) as [number, number, number];
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const light = (max + min) / 2;
  const chroma = max - min;
  let name: string;
  if (chroma < 0.08) name = light > 0.95 ? 'white' : light < 0.15 ? 'black' : light > 0.6 ? 'light grey' : 'dark grey';
  else {
    const hue = hueOf(r / 255, g / 255, b / 255, max, chroma);
    const base = HUES.find(([limit]) => hue < limit)?.[1] ?? 'red';
    name = light > 0.8 ? `pale ${base}` : light < 0.3 ? `dark ${base}` : base;
  }
  return name;
}

function hueOf(r: number, g: number, b: number, max: number, chroma: number): number {
  const h = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return (h * 60 + 360) % 360;
}
