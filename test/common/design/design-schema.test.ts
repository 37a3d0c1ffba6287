import { designSchema, type DesignInput } from '../../../common/design/design-schema';

type ElementInput = DesignInput['pages'][number]['elements'][number];

const imprint = { printer: { name: 'Print Co', address: '1 Mill Lane' }, promoter: { name: 'A. Agent', address: '2 High Street' } };

/** An A4 design with the given pages (one empty front page unless given). */
function design(extra: Record<string, unknown> = {}): DesignInput {
  return { version: 1, title: 'Vote', format: { size: 'A4' }, pages: [{ elements: [] }], imprint, ...extra } as DesignInput;
}
const onePage = (...elements: unknown[]) => design({ pages: [{ elements }] });

/** The problems found, as "path: message". */
function problems(input: unknown): string[] {
  const result = designSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const box = { x: 10, y: 10, width: 50, height: 20 };
const heading = (extra: object = {}) => ({ id: 'h', kind: 'heading', box, text: 'Vote', fontSize: 20, ...extra });
const shape = (extra: object = {}) => ({ id: 's', kind: 'shape', box, fill: 'cmyk(0, 100, 100, 0)', ...extra });
const imprintElement = (extra: object = {}) => ({ id: 'i', kind: 'imprint', box, ...extra });

describe('designSchema', () => {
  describe('when a design leaves out what has a default', () => {
    it('fills in English, portrait, no crop marks, an empty palette', () => {
      expect(designSchema.parse(design())).toMatchObject({ language: 'en-GB', format: { size: 'A4', orientation: 'portrait' }, cropMarks: false, palette: [] });
    });

    it('sets a heading in bold black sans, left-aligned, lines 1.2 apart', () => {
      expect(designSchema.parse(onePage(heading())).pages[0]!.elements[0]).toEqual({
        ...heading(),
        font: 'sans',
        weight: 'bold',
        colour: 'cmyk(0, 0, 0, 100)',
        align: 'left',
        lineHeight: 1.2,
      });
    });

    it('sets a text element in regular weight with blocks 0.6 of the size apart', () => {
      const text = { id: 't', kind: 'text', box, fontSize: 10, blocks: [{ type: 'paragraph', text: 'Hello' }] };
      expect(designSchema.parse(onePage(text)).pages[0]!.elements[0]).toMatchObject({ weight: 'regular', blockSpacing: 0.6, font: 'sans', align: 'left', lineHeight: 1.2 });
    });

    it('crops an image to fill its box, with no description; draws a rectangle with square corners; sets the imprint at 6 pt', () => {
      const assetId = 'a'.repeat(64);
      const [image, rect, imprintEl] = designSchema.parse(onePage({ id: 'p', kind: 'image', box, assetId }, shape(), imprintElement())).pages[0]!.elements;
      expect(image).toEqual({ id: 'p', kind: 'image', box, assetId, fit: 'cover', alt: '' });
      expect(rect).toEqual({ ...shape(), shape: 'rect', cornerRadius: 0 });
      expect(imprintEl).toMatchObject({ fontSize: 6, font: 'sans', colour: 'cmyk(0, 0, 0, 100)', align: 'left' });
    });
  });

  describe('when an element id is not a plain name', () => {
    it('accepts 1 to 40 letters, digits, "-" and "_"', () => {
      expect(problems(onePage(heading({ id: 'a' })))).toEqual([]);
      expect(problems(onePage(heading({ id: `A-_9${'x'.repeat(36)}` })))).toEqual([]);
    });

    it.each([[''], ['a b'], ['x'.repeat(41)], ['é']])('refuses %j', (id) => {
      expect(problems(onePage(heading({ id })))).toEqual(['pages.0.elements.0.id: must be 1-40 letters, digits, "-" or "_"']);
    });
  });

  describe('when two elements on a page share an id', () => {
    it('names the second of them', () => {
      expect(problems(onePage(heading(), shape({ id: 'h' })))).toEqual(['pages.0.elements.1.id: duplicate element id "h" on this page']);
    });

    it('accepts the same id on the front and the back', () => {
      expect(problems(design({ pages: [{ elements: [heading()] }, { elements: [heading()] }] }))).toEqual([]);
    });
  });

  describe('when a box is out of place', () => {
    it('refuses a negative left or top edge and a box with no width or height', () => {
      expect(problems(onePage(heading({ box: { x: -1, y: -1, width: 0, height: 0 } })))).toEqual([
        'pages.0.elements.0.box.x: must be 0 or more (millimetres from the left trim edge)',
        'pages.0.elements.0.box.y: must be 0 or more (millimetres from the top trim edge)',
        'pages.0.elements.0.box.width: must be more than 0 millimetres',
        'pages.0.elements.0.box.height: must be more than 0 millimetres',
      ]);
    });

    it('accepts a box that touches the A4 trim on every side', () => {
      expect(problems(onePage(heading({ box: { x: 0, y: 0, width: 210, height: 297 } })))).toEqual([]);
    });

    it('refuses a box that reaches past the right or bottom trim edge of the page', () => {
      expect(problems(onePage(heading({ box: { x: 10, y: 10, width: 200.02, height: 287.02 } })))).toEqual([
        'pages.0.elements.0.box.width: reaches past the right trim edge (210 mm)',
        'pages.0.elements.0.box.height: reaches past the bottom trim edge (297 mm)',
      ]);
    });

    it('measures the trim of a landscape page the other way round', () => {
      const wide = heading({ box: { x: 0, y: 0, width: 297, height: 210 } });
      expect(problems(design({ format: { size: 'A4', orientation: 'landscape' }, pages: [{ elements: [wide] }] }))).toEqual([]);
      expect(problems(onePage(wide))).toEqual(['pages.0.elements.0.box.width: reaches past the right trim edge (210 mm)']);
    });

    it('refuses an edge past 420 mm, the largest sheet printed', () => {
      expect(problems(onePage(heading({ box: { x: 421, y: 0, width: 10, height: 10 } })))).toContain('pages.0.elements.0.box.x: Too big: expected number to be <=420');
    });
  });

  describe('when font sizes are out of range', () => {
    it('accepts 4 pt to 300 pt and refuses anything outside', () => {
      expect(problems(onePage(heading({ fontSize: 4 })))).toEqual([]);
      expect(problems(onePage(heading({ fontSize: 300, box: { x: 0, y: 0, width: 210, height: 297 } })))).toEqual([]);
      expect(problems(onePage(heading({ fontSize: 3.9 })))).toEqual(['pages.0.elements.0.fontSize: must be at least 4 pt']);
      expect(problems(onePage(heading({ fontSize: 300.5 })))).toEqual(['pages.0.elements.0.fontSize: must be at most 300 pt']);
    });

    it('refuses a minFontSize larger than the fontSize, and accepts one equal to it', () => {
      expect(problems(onePage(heading({ minFontSize: 20.5 })))).toEqual(['pages.0.elements.0.minFontSize: must not be larger than fontSize']);
      expect(problems(onePage(imprintElement({ fontSize: 6, minFontSize: 7 })))).toEqual(['pages.0.elements.0.minFontSize: must not be larger than fontSize']);
      expect(problems(onePage(heading({ minFontSize: 20 })))).toEqual([]);
    });
  });

  describe('when the imprint element is placed', () => {
    it('accepts it once, on either page', () => {
      expect(problems(design({ pages: [{ elements: [] }, { elements: [imprintElement()] }] }))).toEqual([]);
    });

    it('refuses it twice, on one page or across both', () => {
      const message = 'pages: the imprint must be placed once, on the first or the last page';
      expect(problems(design({ pages: [{ elements: [imprintElement()] }, { elements: [imprintElement()] }] }))).toEqual([message]);
      expect(problems(onePage(imprintElement(), imprintElement({ id: 'j' })))).toEqual([message]);
    });
  });

  describe('when the imprint’s words are missing', () => {
    it('says the imprint is required on election material', () => {
      const { imprint: _left, ...rest } = design();
      expect(problems(rest)).toEqual(['imprint: the imprint (printer, promoter and their addresses) is required on election material']);
    });

    it('names the missing, blank or overlong field', () => {
      expect(problems(design({ imprint: { printer: { name: '  ', address: '1 Mill Lane' }, promoter: { name: 'A. Agent' } } }))).toEqual([
        'imprint.printer.name: printer name is required',
        'imprint.promoter.address: promoter address is required',
      ]);
      expect(problems(design({ imprint: { ...imprint, onBehalfOf: { name: 'x'.repeat(201), address: 'Here' } } }))).toEqual([
        'imprint.onBehalfOf.name: "on behalf of" name must be at most 200 characters',
      ]);
    });
  });

  describe('when colours are given', () => {
    it('keeps CMYK as written, in whole percent', () => {
      expect(designSchema.parse(onePage(shape({ fill: 'cmyk(10, 20.4, 30, 40)' }))).pages[0]!.elements[0]).toMatchObject({ fill: 'cmyk(10, 20, 30, 40)' });
    });

    it('converts #rrggbb to the inks that print: white to none, black to black ink alone', () => {
      const [white, black] = designSchema.parse(onePage(shape({ fill: '#ffffff' }), shape({ id: 't', fill: '#000000' }))).pages[0]!.elements;
      expect(white).toMatchObject({ fill: 'cmyk(0, 0, 0, 0)' });
      expect(black).toMatchObject({ fill: 'cmyk(0, 0, 0, 100)' });
    });

    it.each([['red'], ['#fff'], ['cmyk(101, 0, 0, 0)'], ['cmyk(0, 0, 0)']])('refuses %j', (fill) => {
      expect(problems(onePage(shape({ fill })))).toEqual([
        'pages.0.elements.0.fill: must be a colour: cmyk(c, m, y, k) with inks 0-100, or #rrggbb (converted to CMYK for print)',
      ]);
    });
  });

  describe('when the language tag is given', () => {
    it.each([['cy-GB'], ['cy'], ['fil']])('accepts %j', (language) => {
      expect(problems(design({ language }))).toEqual([]);
    });

    it.each([['en-gb'], ['english'], ['EN'], ['en-GBR']])('refuses %j', (language) => {
      expect(problems(design({ language }))).toEqual(['language: must be a language tag such as en-GB or cy-GB']);
    });
  });

  describe('when the title, pages or text are out of bounds', () => {
    it('refuses a blank title and one over 120 characters', () => {
      expect(problems(design({ title: '   ' }))).toEqual(['title: must not be empty']);
      expect(problems(design({ title: 'x'.repeat(121) }))).toEqual(['title: must be at most 120 characters']);
      expect(problems(design({ title: 'x'.repeat(120) }))).toEqual([]);
    });

    it('needs a front page and allows a back page but no third', () => {
      expect(problems(design({ pages: [] }))).toEqual(['pages: must have a front page']);
      expect(problems(design({ pages: [{ elements: [] }, { elements: [] }, { elements: [] }] }))).toEqual(['pages: must have at most two pages (front and back)']);
    });

    it('allows 60 elements on a page and no more', () => {
      const shapes = (n: number) => Array.from({ length: n }, (_, i) => shape({ id: `s${i}` }));
      expect(problems(onePage(...shapes(60)))).toEqual([]);
      expect(problems(onePage(...shapes(61)))).toEqual(['pages.0.elements: must have at most 60 elements']);
    });

    it('refuses an empty heading, a text without blocks and an empty list item', () => {
      expect(problems(onePage(heading({ text: ' ' })))).toEqual(['pages.0.elements.0.text: must not be empty']);
      expect(problems(onePage({ id: 't', kind: 'text', box, fontSize: 10, blocks: [] }))).toEqual(['pages.0.elements.0.blocks: must have at least one paragraph or list']);
      expect(problems(onePage({ id: 't', kind: 'text', box, fontSize: 10, blocks: [{ type: 'bullets', items: [''] }] }))).toEqual([
        'pages.0.elements.0.blocks.0.items.0: must not be empty',
      ]);
    });

    it('refuses a QR code for anything but a web address, and an image that is not an uploaded asset', () => {
      expect(problems(onePage({ id: 'q', kind: 'qr', box, url: 'https://example.org/join' }))).toEqual([]);
      expect(problems(onePage({ id: 'q', kind: 'qr', box, url: 'ftp://example.org' }))).toEqual(['pages.0.elements.0.url: must be a web address starting with http:// or https://']);
      expect(problems(onePage({ id: 'p', kind: 'image', box, assetId: 'A'.repeat(64) }))).toEqual(['pages.0.elements.0.assetId: must be an asset id returned by POST /api/assets']);
    });
  });
});

/** Only the paths of the problems found (for limits whose words are zod's own). */
const paths = (input: unknown) => problems(input).map((p) => p.split(': ')[0]);
const text = (extra: object = {}) => ({ id: 't', kind: 'text', box, fontSize: 10, blocks: [{ type: 'paragraph', text: 'Hello' }], ...extra });

describe('designSchema, at the edges of each allowed range', () => {
  it('accepts every alignment, weight, fit, shape and orientation it names', () => {
    const parsed = designSchema.parse(
      design({
        format: { size: 'A4', orientation: 'landscape' },
        pages: [
          {
            elements: [
              heading({ align: 'center', weight: 'regular' }),
              text({ align: 'right', weight: 'bold' }),
              { id: 'p', kind: 'image', box, assetId: 'f'.repeat(64), fit: 'contain' },
              shape({ shape: 'ellipse' }),
            ],
          },
        ],
      }),
    );
    expect(parsed.format.orientation).toBe('landscape');
    expect(parsed.pages[0]!.elements).toMatchObject([{ align: 'center', weight: 'regular' }, { align: 'right', weight: 'bold' }, { fit: 'contain' }, { shape: 'ellipse' }]);
    expect(paths(onePage(heading({ align: 'justify' })))).toEqual(['pages.0.elements.0.align']);
  });

  it.each([
    ['lineHeight', 0.8, 3, 0.79, 3.01],
    ['blockSpacing', 0, 3, -0.01, 3.01],
  ])('allows a text element’s %s from %d to %d only', (field, low, high, under, over) => {
    expect(problems(onePage(text({ [field]: low })))).toEqual([]);
    expect(problems(onePage(text({ [field]: high })))).toEqual([]);
    expect(paths(onePage(text({ [field]: under })))).toEqual([`pages.0.elements.0.${field}`]);
    expect(paths(onePage(text({ [field]: over })))).toEqual([`pages.0.elements.0.${field}`]);
  });

  it('allows a corner radius from 0 to 100 mm only', () => {
    expect(problems(onePage(shape({ cornerRadius: 0 }), shape({ id: 't', cornerRadius: 100 })))).toEqual([]);
    expect(paths(onePage(shape({ cornerRadius: -0.1 }), shape({ id: 't', cornerRadius: 100.1 })))).toEqual(['pages.0.elements.0.cornerRadius', 'pages.0.elements.1.cornerRadius']);
  });

  it('allows 200 characters of image description, 24 palette colours, 30 list items', () => {
    const image = (alt: string) => ({ id: 'p', kind: 'image', box, assetId: 'a'.repeat(64), alt });
    expect(problems(onePage(image('x'.repeat(200))))).toEqual([]);
    expect(paths(onePage(image('x'.repeat(201))))).toEqual(['pages.0.elements.0.alt']);
    expect(problems(design({ palette: Array(24).fill('#000000') }))).toEqual([]);
    expect(paths(design({ palette: Array(25).fill('#000000') }))).toEqual(['palette']);
    const list = (n: number) => text({ blocks: [{ type: 'bullets', items: Array(n).fill('x') }] });
    expect(problems(onePage(list(30)))).toEqual([]);
    expect(paths(onePage(list(31)))).toEqual(['pages.0.elements.0.blocks.0.items']);
  });

  it('caps the length of headings, paragraphs, list items and QR addresses, saying so', () => {
    expect(problems(onePage(heading({ text: 'x'.repeat(300), box: { x: 0, y: 0, width: 210, height: 297 } })))).toEqual([]);
    expect(problems(onePage(heading({ text: 'x'.repeat(301) })))).toEqual(['pages.0.elements.0.text: must be at most 300 characters']);
    expect(problems(onePage(text({ blocks: [{ type: 'paragraph', text: 'x'.repeat(3001) }] })))).toEqual(['pages.0.elements.0.blocks.0.text: must be at most 3000 characters']);
    expect(problems(onePage(text({ blocks: [{ type: 'bullets', items: ['x'.repeat(501)] }] })))).toEqual(['pages.0.elements.0.blocks.0.items.0: must be at most 500 characters']);
    const url = `https://example.org/${'x'.repeat(981)}`;
    expect(problems(onePage({ id: 'q', kind: 'qr', box, url }))).toEqual(['pages.0.elements.0.url: must be at most 1000 characters']);
  });

  it('takes a QR address in any case, but only one that starts with the scheme and has no spaces', () => {
    const qr = (url: string) => problems(onePage({ id: 'q', kind: 'qr', box, url }));
    expect(qr('HTTP://EXAMPLE.ORG')).toEqual([]);
    expect(qr('see https://example.org')).toHaveLength(1);
    expect(qr('https://example.org/a b')).toHaveLength(1);
    expect(qr('https://')).toHaveLength(1);
  });

  it('takes an asset id of exactly 64 lower-case hex digits', () => {
    const image = (assetId: string) => paths(onePage({ id: 'p', kind: 'image', box, assetId }));
    expect(image(`x${'a'.repeat(64)}`)).toEqual(['pages.0.elements.0.assetId']);
    expect(image(`${'a'.repeat(64)}x`)).toEqual(['pages.0.elements.0.assetId']);
  });

  it('reports the checks across elements as custom issues', () => {
    const result = designSchema.safeParse(onePage(heading({ minFontSize: 30, box: { x: 200, y: 290, width: 20, height: 20 } }), heading(), imprintElement(), imprintElement({ id: 'j' })));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.code)).toEqual(['custom', 'custom', 'custom', 'custom', 'custom']);
  });
});

describe('designSchema, values named explicitly and the edges of a picture’s position', () => {
  it('accepts left alignment, a regular text, a bold heading and a rectangle when they are written out', () => {
    const parsed = designSchema.parse(onePage(heading({ align: 'left', weight: 'bold' }), text({ weight: 'regular' }), shape({ shape: 'rect' })));
    expect(parsed.pages[0]!.elements).toMatchObject([{ align: 'left', weight: 'bold' }, { weight: 'regular' }, { shape: 'rect' }]);
  });

  it('keeps a picture’s position, from 0 to 100 percent across and down', () => {
    const image = (position: object) => ({ id: 'p', kind: 'image', box, assetId: 'a'.repeat(64), position });
    expect(designSchema.parse(onePage(image({ x: 25, y: 75 }))).pages[0]!.elements[0]).toMatchObject({ position: { x: 25, y: 75 } });
    expect(problems(onePage(image({ x: 0, y: 100 }), { ...image({ x: 100, y: 0 }), id: 'q' }))).toEqual([]);
    expect(problems(onePage(image({ x: -0.5, y: 100.5 }), { ...image({ x: 100.5, y: -0.5 }), id: 'q' }))).toEqual([
      'pages.0.elements.0.position.x: must be 0 to 100 (percent)',
      'pages.0.elements.0.position.y: must be 0 to 100 (percent)',
      'pages.0.elements.1.position.x: must be 0 to 100 (percent)',
      'pages.0.elements.1.position.y: must be 0 to 100 (percent)',
    ]);
  });

  it('lets a box end up to 0.01 mm past the trim (rounding in the editor), and no further', () => {
    expect(problems(onePage(shape({ box: { x: 0.01, y: 0.01, width: 210, height: 297 } })))).toEqual([]);
    expect(paths(onePage(shape({ box: { x: 0.02, y: 0.02, width: 210, height: 297 } })))).toEqual(['pages.0.elements.0.box.width', 'pages.0.elements.0.box.height']);
  });

  it('refuses a QR address that only ends with a web address', () => {
    expect(problems(onePage({ id: 'q', kind: 'qr', box, url: 'ftp://example.org/https://example.org' }))).toEqual([
      'pages.0.elements.0.url: must be a web address starting with http:// or https://',
    ]);
  });

  it('takes decimals in the first ink as in the others', () => {
    expect(designSchema.parse(onePage(shape({ fill: 'cmyk(12.25, 0, 0, 0)' }))).pages[0]!.elements[0]).toMatchObject({ fill: 'cmyk(12, 0, 0, 0)' });
  });
});
