import { colourToCss, parseColour } from '../../../common/design/colour';

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

/** A colour in words for screen readers and tooltips, such as "dark red (#c8102e)" or "red, print-exact CMYK". */
export function describeColour(colour: string): string {
  const parsed = parseColour(colour);
  if (!parsed) return colour;
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
  return parsed.space === 'cmyk' ? `${name}, print-exact CMYK ${colour.replace(/^cmyk/, '')}` : `${name} (${colour})`;
}

function hueOf(r: number, g: number, b: number, max: number, chroma: number): number {
  const h = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return (h * 60 + 360) % 360;
}
