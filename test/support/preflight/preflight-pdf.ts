import { scanContent } from './content-scan';
import { readIccHeader } from './icc-header';
import { bytesOf, isRef, nameOf, PdfObjects, stringOf, type PdfDict, type PdfValue } from './pdf-objects';
import type { ColourValue, FontFacts, InfoFacts, MetadataFacts, OutputIntentFacts, PageFacts, PreflightReport, TextRun } from './preflight-report';

/** Colour components at or beyond this count as black ink (K for CMYK, tint for a Black separation). */
const BLACK_INK = 0.95;
/** Grey and RGB components at or below this count as black. */
const BLACK_LEVEL = 0.05;

/**
 * Reads a PDF back with qpdf and reports what a print shop's preflight would query (PDF/X-4
 * structure, boxes, fonts, colour spaces, black text and overprint, CMYK coverage).
 */
export async function preflightPdf(data: Buffer): Promise<PreflightReport> {
  const pdf = await PdfObjects.load(data);
  const trailer = pdf.trailer;
  const catalog = pdf.dict(trailer['/Root']) ?? {};
  const scan = scanContent(pdf);
  const fonts = readFonts(pdf);
  const visible = scan.textRuns.filter((r) => r.renderMode !== 3 && r.renderMode !== 7);
  const black = visible.filter((r) => isVisuallyBlack(r.colour));
  return {
    pdfVersion: pdf.pdfVersion,
    info: readInfo(pdf, trailer['/Info']),
    documentId: readId(pdf, trailer['/ID']),
    metadata: readMetadata(pdf, catalog['/Metadata']),
    outputIntents: (pdf.array(catalog['/OutputIntents']) ?? []).map((oi) => readOutputIntent(pdf, pdf.dict(oi) ?? {})),
    pages: pdf.pageRefs.map((ref, index) => readPage(pdf, ref, index)),
    fonts,
    subsetTagsDistinct: subsetTagsDistinct(fonts),
    colourUses: scan.colourUses,
    rgbUses: scan.colourUses.filter((u) => u.space.rgb),
    images: scan.images,
    textRuns: scan.textRuns,
    blackTextWithoutOverprint: black.filter((r) => !hasOverprint(r)),
    blackTextNotKOnly: black.filter((r) => !isPureK(r.colour)),
    maxVectorCoverage: scan.maxVectorCoverage,
    maxVectorCoverageAt: scan.maxVectorCoverageAt,
  };
}

/** True when a colour would print as (near) solid black. */
export function isVisuallyBlack({ space, values }: ColourValue): boolean {
  if (space.cmyk) return (values[3] ?? 0) >= BLACK_INK;
  if (space.family === 'Separation') return /^(Black|All)$/i.test(space.colorant ?? '') && (values[0] ?? 0) >= BLACK_INK;
  if (space.rgb || space.family === 'DeviceGray' || space.family === 'CalGray' || (space.family === 'ICCBased' && space.components === 1)) {
    return values.length > 0 && values.every((v) => v <= BLACK_LEVEL);
  }
  return false;
}

/** True for exactly DeviceCMYK 0 0 0 1, however it was set (`k`, or `cs` plus `sc`/`scn`). */
export function isPureK({ space, values }: ColourValue): boolean {
  return space.family === 'DeviceCMYK' && values.length === 4 && values[0] === 0 && values[1] === 0 && values[2] === 0 && values[3] === 1;
}

function hasOverprint(run: TextRun): boolean {
  return run.overprint.op && run.overprint.OP && run.overprint.OPM === 1;
}

function readInfo(pdf: PdfObjects, value: PdfValue | undefined): InfoFacts {
  const info = pdf.dict(value);
  const text = (key: string) => {
    const v = pdf.resolve(info?.[key]);
    return stringOf(v) ?? nameOf(v);
  };
  return {
    present: info !== null,
    title: text('/Title'),
    author: text('/Author'),
    creator: text('/Creator'),
    producer: text('/Producer'),
    creationDate: text('/CreationDate'),
    modDate: text('/ModDate'),
    trapped: text('/Trapped'),
    gtsPdfxVersion: text('/GTS_PDFXVersion'),
    keys: Object.keys(info ?? {}).map((k) => k.slice(1)),
  };
}

function readId(pdf: PdfObjects, value: PdfValue | undefined): [string, string] | null {
  const ids = (pdf.array(value) ?? []).map((v) => bytesOf(pdf.resolve(v))?.toString('hex'));
  return ids.length === 2 && ids[0] && ids[1] ? [ids[0], ids[1]] : null;
}

function readMetadata(pdf: PdfObjects, value: PdfValue | undefined): MetadataFacts {
  const data = pdf.streamData(value);
  const xmp = data ? data.toString('utf8') : null;
  const m = xmp ? /pdfxid:GTS_PDFXVersion\s*(?:=\s*["']([^"']*)["']|>\s*([^<]*?)\s*<)/.exec(xmp) : null;
  return { present: data !== null, xmp, pdfxVersion: m ? (m[1] ?? m[2] ?? null) : null };
}

function readOutputIntent(pdf: PdfObjects, dict: PdfDict): OutputIntentFacts {
  const text = (key: string) => stringOf(pdf.resolve(dict[key]));
  const profileRef = dict['/DestOutputProfile'];
  const profileData = pdf.streamData(profileRef);
  return {
    subtype: nameOf(pdf.resolve(dict['/S'])),
    outputConditionIdentifier: text('/OutputConditionIdentifier'),
    outputCondition: text('/OutputCondition'),
    registryName: text('/RegistryName'),
    info: text('/Info'),
    profileComponents: pdf.number(pdf.dict(profileRef)?.['/N']),
    profile: profileData ? readIccHeader(profileData) : null,
  };
}

function box(pdf: PdfObjects, value: PdfValue | undefined): number[] | null {
  const nums = (pdf.array(value) ?? []).map((v) => pdf.number(v));
  if (nums.length !== 4 || nums.some((n) => n === null)) return null;
  const [a, b, c, d] = nums as number[];
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

/** Tolerance for box containment, in points (renderers round to a few decimals). */
const BOX_EPSILON = 0.01;

function within(inner: number[] | null, outer: number[] | null): boolean {
  if (!inner || !outer) return false;
  return inner[0]! >= outer[0]! - BOX_EPSILON && inner[1]! >= outer[1]! - BOX_EPSILON && inner[2]! <= outer[2]! + BOX_EPSILON && inner[3]! <= outer[3]! + BOX_EPSILON;
}

function readPage(pdf: PdfObjects, ref: string, index: number): PageFacts {
  const page = pdf.dict(ref) ?? {};
  const mediaBox = box(pdf, pdf.inherited(ref, '/MediaBox'));
  const trimBox = box(pdf, page['/TrimBox']);
  const bleedBox = box(pdf, page['/BleedBox']);
  return { index, mediaBox, trimBox, bleedBox, bleedWithinMedia: within(bleedBox, mediaBox), trimWithinBleed: within(trimBox, bleedBox) };
}

const FONT_FILE_KEYS = ['FontFile', 'FontFile2', 'FontFile3'] as const;

function readFonts(pdf: PdfObjects): FontFacts[] {
  const rows = new Map<string, FontFacts>();
  const parents = new Map<string, string>();
  for (const [ref, value] of pdf.entries()) {
    const dict = pdf.dict(value);
    if (nameOf(dict?.['/Type']) !== 'Font' || !dict) continue;
    for (const d of pdf.array(dict['/DescendantFonts']) ?? []) if (isRef(d)) parents.set(d, ref);
    const descriptor = pdf.dict(dict['/FontDescriptor']);
    const key = FONT_FILE_KEYS.find((k) => descriptor?.[`/${k}`] !== undefined) ?? null;
    const fileRef = key ? descriptor![`/${key}`] : undefined;
    const baseFont = nameOf(pdf.resolve(dict['/BaseFont']));
    const subtype = nameOf(pdf.resolve(dict['/Subtype']));
    rows.set(ref, {
      ref,
      subtype,
      baseFont,
      subsetTag: /^([A-Z]{6})\+/.exec(baseFont ?? '')?.[1] ?? null,
      embedded: key !== null || subtype === 'Type3',
      fontFileKey: key,
      fontFileRef: isRef(fileRef) ? fileRef : null,
      descendantOf: null,
    });
  }
  for (const [child, parent] of parents) {
    const c = rows.get(child);
    const p = rows.get(parent);
    if (c) c.descendantOf = parent;
    if (c && p) {
      p.embedded = c.embedded;
      p.fontFileKey = c.fontFileKey;
      p.fontFileRef = c.fontFileRef;
    }
  }
  return [...rows.values()];
}

function subsetTagsDistinct(fonts: FontFacts[]): boolean {
  const programs = new Map<string, Set<string>>();
  for (const f of fonts) {
    if (!f.subsetTag) continue;
    const program = f.fontFileRef ?? `unembedded:${f.baseFont}`;
    const set = programs.get(f.subsetTag) ?? new Set<string>();
    set.add(program);
    programs.set(f.subsetTag, set);
  }
  return [...programs.values()].every((s) => s.size === 1);
}
