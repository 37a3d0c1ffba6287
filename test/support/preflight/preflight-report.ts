import type { ColourSpaceFacts } from './colour-space';
import type { IccFacts } from './icc-header';

/**
 * What a print shop's preflight would query about a PDF, read back with qpdf (objects and decoded
 * streams) and a content-stream tokenizer of our own, never from what a renderer meant to write.
 * Page indexes are 0-based; `where` strings count pages from 1, as a person reading a report would.
 */
export interface PreflightReport {
  /** Version from the file header, e.g. '1.6' (PDF/X-4 needs 1.6 or later). */
  pdfVersion: string;
  info: InfoFacts;
  /** The trailer's /ID as two hex strings, or null when the trailer has none (PDF/X requires one). */
  documentId: [string, string] | null;
  metadata: MetadataFacts;
  /** The catalog's /OutputIntents, in order; empty when there are none. */
  outputIntents: OutputIntentFacts[];
  pages: PageFacts[];
  /** Every font dictionary in the file, Type0 fonts and their descendant CIDFonts each as their own row. */
  fonts: FontFacts[];
  /** False when one subset tag (the 'ABCDEF+' prefix) names two different embedded font programs. */
  subsetTagsDistinct: boolean;
  /** Every distinct use of a colour space found by walking the pages' content, forms, patterns, images, shadings and groups. */
  colourUses: ColourUse[];
  /** The uses whose space is RGB: DeviceRGB itself, CalRGB, 3-component ICCBased, or RGB as an Indexed base or Separation/DeviceN alternate. */
  rgbUses: ColourUse[];
  /** Image XObjects drawn with `Do` and inline images, with their colour spaces. */
  images: ImageFacts[];
  /** Every text-showing operation (Tj, TJ, ', ") with the graphics state in force. */
  textRuns: TextRun[];
  /** Visually black text drawn without overprint (fill overprint op, stroke overprint OP and OPM 1 all required). */
  blackTextWithoutOverprint: TextRun[];
  /** Visually black text whose colour is not exactly DeviceCMYK 0 0 0 1 (rich black, RGB, grey or ICC black). */
  blackTextNotKOnly: TextRun[];
  /** Highest C+M+Y+K in percent of any process-CMYK fill or stroke colour set in content (0 when none is set). */
  maxVectorCoverage: number;
  /** Where the colour of `maxVectorCoverage` was set, or null when no CMYK colour is set. */
  maxVectorCoverageAt: string | null;
}

/** The document information dictionary; each field null when absent. */
export interface InfoFacts {
  present: boolean;
  title: string | null;
  author: string | null;
  creator: string | null;
  producer: string | null;
  /** Raw PDF date string, e.g. 'D:20250101120000Z'. */
  creationDate: string | null;
  /** Raw PDF date string. */
  modDate: string | null;
  /** 'True', 'False' or 'Unknown' (a name in a valid file; a string value is reported as its text). */
  trapped: string | null;
  /** e.g. 'PDF/X-4'. */
  gtsPdfxVersion: string | null;
  /** Every key present, without slashes. */
  keys: string[];
}

/** The catalog's /Metadata stream. */
export interface MetadataFacts {
  present: boolean;
  /** The XMP packet as text (UTF-8), or null. */
  xmp: string | null;
  /** pdfxid:GTS_PDFXVersion from the XMP (element or attribute form), or null. */
  pdfxVersion: string | null;
}

/** One /OutputIntents entry and its destination profile. */
export interface OutputIntentFacts {
  /** /S, e.g. 'GTS_PDFX'. */
  subtype: string | null;
  outputConditionIdentifier: string | null;
  outputCondition: string | null;
  registryName: string | null;
  info: string | null;
  /** /N of the DestOutputProfile stream (4 for CMYK), or null. */
  profileComponents: number | null;
  /** Header facts of the DestOutputProfile, or null when absent or unreadable. */
  profile: IccFacts | null;
}

/** Page boxes in PDF points, as [llx, lly, urx, ury] normalised so that ll < ur. */
export interface PageFacts {
  index: number;
  /** Inherited through the page tree where the page lacks it. */
  mediaBox: number[] | null;
  trimBox: number[] | null;
  bleedBox: number[] | null;
  /** True when a BleedBox is present and lies within the MediaBox. */
  bleedWithinMedia: boolean;
  /** True when TrimBox and BleedBox are present and the TrimBox lies within the BleedBox. */
  trimWithinBleed: boolean;
}

/** One font dictionary. */
export interface FontFacts {
  /** Object reference, e.g. '12 0 R'. */
  ref: string;
  /** /Subtype: 'Type0', 'CIDFontType2', 'TrueType', 'Type1', 'Type3' ... */
  subtype: string | null;
  baseFont: string | null;
  /** The six capital letters before '+', or null when the name has none. */
  subsetTag: string | null;
  /** True when the font (for Type0: its descendant) has a FontFile, FontFile2 or FontFile3; Type3 counts as embedded. */
  embedded: boolean;
  /** Which key holds the program. */
  fontFileKey: 'FontFile' | 'FontFile2' | 'FontFile3' | null;
  /** Reference of the embedded program stream; two fonts with the same ref share a program. */
  fontFileRef: string | null;
  /** For a descendant CIDFont: the Type0 font that uses it. */
  descendantOf: string | null;
}

/** Where a colour space was met. */
export type ColourUseKind = 'operator' | 'image' | 'soft mask' | 'inline image' | 'shading' | 'transparency group';

/** One colour-space use. */
export interface ColourUse {
  pageIndex: number;
  kind: ColourUseKind;
  space: ColourSpaceFacts;
  /** e.g. 'page 1 > XObject /Fm0 (9 0 R): rg' or 'page 2: image /I1 (14 0 R)'. */
  where: string;
}

/** An image XObject or inline image. */
export interface ImageFacts {
  pageIndex: number;
  where: string;
  /** Object reference, or null for an inline image. */
  ref: string | null;
  /** Pixels. */
  width: number | null;
  /** Pixels. */
  height: number | null;
  bitsPerComponent: number | null;
  /** Null for image masks and for JPX images that carry their own space. */
  colourSpace: ColourSpaceFacts | null;
  imageMask: boolean;
  /** Filter names, e.g. ['DCTDecode']; qpdf has already removed the ones it decoded. */
  filters: string[];
  /** The /SMask image's colour space, when it has one. */
  softMaskColourSpace: ColourSpaceFacts | null;
}

/** A colour value in a colour space. */
export interface ColourValue {
  space: ColourSpaceFacts;
  /** Components as written (0-1 for DeviceCMYK/RGB/Gray and tints). */
  values: number[];
}

/** Overprint parameters in force (ISO 32000-1, 8.6.7), from ExtGStates applied with `gs`. */
export interface OverprintState {
  /** Stroking overprint. */
  OP: boolean;
  /** Non-stroking (fill) overprint; defaults to OP when an ExtGState sets OP but not op. */
  op: boolean;
  /** Overprint mode, 0 or 1. */
  OPM: number;
}

/** One text-showing operation and the state it draws with. */
export interface TextRun {
  pageIndex: number;
  /** e.g. 'page 1 > XObject /Fm0 (9 0 R)'. */
  where: string;
  /** 'Tj', 'TJ', "'" or '"'. */
  operator: string;
  /** Font resource name without slash, e.g. 'F1'. */
  font: string | null;
  /** Font size in text space units (the Tf operand, before any matrix). */
  fontSize: number | null;
  /** Text rendering mode (Tr): 0 fill, 1 stroke, 2 fill and stroke, 3 invisible, 4-7 the same plus clip. */
  renderMode: number;
  /** The fill colour, or for stroke-only modes (1, 5) the stroke colour. */
  colour: ColourValue;
  overprint: OverprintState;
  /** The shown bytes as Latin-1 for simple fonts; null for composite (Type0) fonts, whose bytes are glyph ids. */
  text: string | null;
}
