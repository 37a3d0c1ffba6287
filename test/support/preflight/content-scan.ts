import { resolveColourSpace, resolveColourSpaceName, type ColourSpaceFacts } from './colour-space';
import { isName, isString, tokenizeContent, type Operand } from './content-tokenizer';
import { isRef, nameOf, type PdfDict, type PdfObjects, type PdfValue } from './pdf-objects';
import type { ColourUse, ColourUseKind, ColourValue, ImageFacts, OverprintState, TextRun } from './preflight-report';

/** What walking the drawn content of every page found. */
export interface ContentScan {
  colourUses: ColourUse[];
  images: ImageFacts[];
  textRuns: TextRun[];
  /** Percent. */
  maxVectorCoverage: number;
  maxVectorCoverageAt: string | null;
}

interface GraphicsState {
  fill: ColourValue;
  stroke: ColourValue;
  overprint: OverprintState;
  font: string | null;
  fontSize: number | null;
  renderMode: number;
}

/** Initial colour when a space is selected with cs/CS (ISO 32000-1, 8.6.8). */
function initialValues(space: ColourSpaceFacts): number[] {
  if (space.family === 'DeviceCMYK') return [0, 0, 0, 1];
  if (space.family === 'Separation' || space.family === 'DeviceN') return Array(Math.max(1, space.components)).fill(1);
  return Array(space.components).fill(0);
}

/** Deepest nesting of forms and patterns followed; deeper (or cyclic) content is not walked again. */
const MAX_DEPTH = 24;

/**
 * Walks every page's content streams with a graphics-state stack, following form XObjects, tiling
 * patterns, soft-mask groups and annotation appearances, and records colour spaces, images, text
 * runs and CMYK coverage. Type3 glyph procedures are not walked.
 */
export function scanContent(pdf: PdfObjects): ContentScan {
  const uses = new Map<string, ColourUse>();
  const images: ImageFacts[] = [];
  const textRuns: TextRun[] = [];
  let maxVectorCoverage = 0;
  let maxVectorCoverageAt: string | null = null;

  const device = (name: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK') => resolveColourSpaceName(pdf, name, null);

  pdf.pageRefs.forEach((pageRef, pageIndex) => {
    const page = pdf.dict(pageRef) ?? {};
    const context = `page ${pageIndex + 1}`;

    function use(kind: ColourUseKind, space: ColourSpaceFacts, where: string): void {
      const key = `${kind}|${space.describe}|${where}`;
      if (!uses.has(key)) uses.set(key, { pageIndex, kind, space, where });
    }

    function coverage(colour: ColourValue, where: string): void {
      if (!colour.space.cmyk || colour.values.length !== 4) return;
      const total = colour.values.reduce((a, b) => a + b, 0) * 100;
      if (total > maxVectorCoverage + 1e-9) {
        maxVectorCoverage = Math.round(total * 1000) / 1000;
        maxVectorCoverageAt = where;
      }
    }

    function group(owner: PdfDict | null, where: string): void {
      const g = pdf.dict(owner?.['/Group']);
      if (g?.['/CS'] !== undefined) use('transparency group', resolveColourSpace(pdf, g['/CS'], null), `${where}: /Group /CS`);
    }

    function recordImage(ref: string | null, dict: PdfDict, where: string, colourSpaces: Record<string, PdfValue> | null, inline: boolean): void {
      const imageMask = pdf.resolve(dict['/ImageMask'] ?? dict['/IM']) === true;
      const csValue = dict['/ColorSpace'] ?? dict['/CS'];
      const colourSpace = csValue !== undefined && !imageMask ? resolveColourSpace(pdf, csValue, colourSpaces) : null;
      const filterValue = pdf.resolve(dict['/Filter'] ?? dict['/F']);
      const filters = (Array.isArray(filterValue) ? filterValue : filterValue !== undefined ? [filterValue] : []).map((f) => nameOf(pdf.resolve(f)) ?? '?');
      const smask = pdf.dict(dict['/SMask']);
      const softMaskColourSpace = smask?.['/ColorSpace'] !== undefined ? resolveColourSpace(pdf, smask['/ColorSpace'], null) : null;
      if (colourSpace) use(inline ? 'inline image' : 'image', colourSpace, where);
      if (softMaskColourSpace) use('soft mask', softMaskColourSpace, `${where} /SMask`);
      images.push({
        pageIndex,
        where,
        ref,
        width: pdf.number(dict['/Width'] ?? dict['/W']),
        height: pdf.number(dict['/Height'] ?? dict['/H']),
        bitsPerComponent: pdf.number(dict['/BitsPerComponent'] ?? dict['/BPC']),
        colourSpace,
        imageMask,
        filters,
        softMaskColourSpace,
      });
    }

    /** Walks one content stream (or several, concatenated) with the resources that apply to it. */
    function walk(data: Buffer, resourcesValue: PdfValue | undefined, where: string, initial: GraphicsState, visiting: Set<string>): void {
      const resources = pdf.dict(resourcesValue) ?? {};
      const colourSpaces = pdf.dict(resources['/ColorSpace']);
      const fonts = pdf.dict(resources['/Font']);
      const stack: GraphicsState[] = [];
      let gs: GraphicsState = { ...initial, overprint: { ...initial.overprint } };

      const numbers = (ops: Operand[]) => ops.filter((o): o is number => typeof o === 'number');

      function setColour(target: 'fill' | 'stroke', space: ColourSpaceFacts, values: number[], operator: string): void {
        gs[target] = { space, values };
        use('operator', space, `${where}: ${operator}`);
        coverage(gs[target], `${where}: ${values.join(' ')} ${operator}`);
      }

      function follow(ref: PdfValue | undefined, label: string, state: GraphicsState, fallbackResources: PdfValue | undefined): void {
        if (!isRef(ref) || visiting.has(ref) || visiting.size >= MAX_DEPTH) return;
        const dict = pdf.dict(ref);
        const data = pdf.streamData(ref);
        if (!dict || !data) return;
        const inner = `${where} > ${label} (${ref})`;
        group(dict, inner);
        visiting.add(ref);
        walk(data, dict['/Resources'] ?? fallbackResources, inner, state, visiting);
        visiting.delete(ref);
      }

      function pattern(name: string): void {
        const patterns = pdf.dict(resources['/Pattern']);
        const ref = patterns?.[`/${name}`];
        const dict = pdf.dict(ref);
        if (!dict) return;
        if (pdf.number(dict['/PatternType']) === 1) follow(ref, `pattern /${name}`, gs, resourcesValue);
        else shading(pdf.dict(dict['/Shading']), `${where} > pattern /${name}`);
      }

      function shading(dict: PdfDict | null, label: string): void {
        if (dict?.['/ColorSpace'] !== undefined) use('shading', resolveColourSpace(pdf, dict['/ColorSpace'], colourSpaces), label);
      }

      function extGState(name: string): void {
        const dict = pdf.dict(pdf.dict(resources['/ExtGState'])?.[`/${name}`]);
        if (!dict) return;
        const OP = pdf.resolve(dict['/OP']);
        const op = pdf.resolve(dict['/op']);
        const OPM = pdf.resolve(dict['/OPM']);
        if (typeof OP === 'boolean') {
          gs.overprint.OP = OP;
          if (op === undefined) gs.overprint.op = OP;
        }
        if (typeof op === 'boolean') gs.overprint.op = op;
        if (typeof OPM === 'number') gs.overprint.OPM = OPM;
        const smask = pdf.dict(dict['/SMask']);
        if (smask?.['/G'] !== undefined) follow(smask['/G'], `ExtGState /${name} soft mask`, gs, resourcesValue);
      }

      function showText(operator: string, strings: Buffer[]): void {
        const fontDict = gs.font ? pdf.dict(fonts?.[`/${gs.font}`]) : null;
        const composite = nameOf(fontDict?.['/Subtype']) === 'Type0';
        const strokeOnly = gs.renderMode === 1 || gs.renderMode === 5;
        textRuns.push({
          pageIndex,
          where,
          operator,
          font: gs.font,
          fontSize: gs.fontSize,
          renderMode: gs.renderMode,
          colour: strokeOnly ? gs.stroke : gs.fill,
          overprint: { ...gs.overprint },
          text: composite ? null : Buffer.concat(strings).toString('latin1'),
        });
      }

      for (const { operator, operands, inlineImage } of tokenizeContent(data)) {
        const last = operands[operands.length - 1];
        switch (operator) {
          case 'q':
            stack.push({ ...gs, overprint: { ...gs.overprint } });
            break;
          case 'Q':
            gs = stack.pop() ?? gs;
            break;
          case 'g':
          case 'G':
            setColour(operator === 'g' ? 'fill' : 'stroke', device('DeviceGray'), numbers(operands), operator);
            break;
          case 'rg':
          case 'RG':
            setColour(operator === 'rg' ? 'fill' : 'stroke', device('DeviceRGB'), numbers(operands), operator);
            break;
          case 'k':
          case 'K':
            setColour(operator === 'k' ? 'fill' : 'stroke', device('DeviceCMYK'), numbers(operands), operator);
            break;
          case 'cs':
          case 'CS':
            if (isName(last)) {
              const space = resolveColourSpaceName(pdf, last.name, colourSpaces);
              setColour(operator === 'cs' ? 'fill' : 'stroke', space, initialValues(space), `/${last.name} ${operator}`);
            }
            break;
          case 'sc':
          case 'scn':
          case 'SC':
          case 'SCN': {
            const target = operator.startsWith('s') ? 'fill' : 'stroke';
            gs[target] = { space: gs[target].space, values: numbers(operands) };
            coverage(gs[target], `${where}: ${numbers(operands).join(' ')} ${operator}`);
            if (isName(last)) pattern(last.name);
            break;
          }
          case 'gs':
            if (isName(last)) extGState(last.name);
            break;
          case 'Tf':
            gs.font = isName(operands[0]) ? operands[0].name : null;
            gs.fontSize = typeof operands[1] === 'number' ? operands[1] : null;
            break;
          case 'Tr':
            if (typeof last === 'number') gs.renderMode = last;
            break;
          case 'Tj':
          case "'":
          case '"':
            if (isString(last)) showText(operator, [last.string]);
            break;
          case 'TJ':
            if (Array.isArray(last)) showText(operator, last.filter(isString).map((s) => s.string));
            break;
          case 'sh':
            if (isName(last)) shading(pdf.dict(pdf.dict(resources['/Shading'])?.[`/${last.name}`]), `${where}: shading /${last.name}`);
            break;
          case 'Do': {
            if (!isName(last)) break;
            const ref = pdf.dict(resources['/XObject'])?.[`/${last.name}`];
            const dict = pdf.dict(ref);
            const subtype = nameOf(dict?.['/Subtype']);
            if (subtype === 'Image' && dict) recordImage(isRef(ref) ? ref : null, dict, `${where}: image /${last.name}${isRef(ref) ? ` (${ref})` : ''}`, colourSpaces, false);
            else if (subtype === 'Form') follow(ref, `XObject /${last.name}`, gs, resourcesValue);
            break;
          }
          case 'BI':
            if (inlineImage) recordImage(null, toPdfDict(inlineImage), `${where}: inline image`, colourSpaces, true);
            break;
        }
      }
    }

    const initial: GraphicsState = {
      fill: { space: device('DeviceGray'), values: [0] },
      stroke: { space: device('DeviceGray'), values: [0] },
      overprint: { OP: false, op: false, OPM: 0 },
      font: null,
      fontSize: null,
      renderMode: 0,
    };
    group(page, context);
    const contents = pdf.resolve(page['/Contents']);
    const parts = Array.isArray(contents) ? contents : [page['/Contents']];
    const data = Buffer.concat(parts.flatMap((p) => {
      const d = pdf.streamData(p);
      return d ? [d, Buffer.from('\n')] : [];
    }));
    walk(data, pdf.inherited(pageRef, '/Resources'), context, initial, new Set([pageRef]));

    for (const [i, annotValue] of (pdf.array(page['/Annots']) ?? []).entries()) {
      const normal = pdf.dict(pdf.dict(annotValue)?.['/AP'])?.['/N'];
      const appearances = pdf.isStream(normal) ? [normal] : Object.values(pdf.dict(normal) ?? {});
      for (const ap of appearances) {
        const dict = pdf.dict(ap);
        const apData = pdf.streamData(ap);
        if (!dict || !apData || !isRef(ap)) continue;
        const where = `${context} > annotation ${i + 1} appearance (${ap})`;
        group(dict, where);
        walk(apData, dict['/Resources'], where, initial, new Set([ap]));
      }
    }
  });

  return { colourUses: [...uses.values()], images, textRuns, maxVectorCoverage, maxVectorCoverageAt };
}

/** Turns an inline image's tokenized dictionary into the JSON shape qpdf uses, so one reader serves both. */
function toPdfDict(dict: Record<string, Operand>): PdfDict {
  const convert = (o: Operand): PdfValue => {
    if (Array.isArray(o)) return o.map(convert);
    if (isName(o)) return `/${o.name}`;
    if (isString(o)) return `b:${o.string.toString('hex')}`;
    if (typeof o === 'object' && o !== null && 'dict' in o) return toPdfDict(o.dict);
    return o;
  };
  const out: PdfDict = {};
  for (const [k, v] of Object.entries(dict)) out[`/${k}`] = convert(v);
  return out;
}
