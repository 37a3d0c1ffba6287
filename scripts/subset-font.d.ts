/** Types for the npm package subset-font (HarfBuzz hb-subset compiled to WebAssembly), which ships none. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    /** Drop TrueType hinting instructions. */
    noHinting?: boolean;
    /** OpenType layout features to keep besides HarfBuzz's defaults (which include kern and liga). */
    keepFeatures?: string[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
