import path from 'node:path';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import sharp from 'sharp';
import { drawPdf, internals, overprintOn, type Doc } from './draw-pdf';
import { preflightPdf } from './preflight-pdf';

const FONTS = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** A minimal ICC v2 header with a 'desc' tag, enough for the checker's header reader. */
function fakeIccProfile(description: string): Buffer {
  const descTag = Buffer.alloc(12 + description.length + 1 + 78);
  descTag.write('desc', 0, 'latin1');
  descTag.writeUInt32BE(description.length + 1, 8);
  descTag.write(description, 12, 'latin1');
  const header = Buffer.alloc(132 + 12);
  header.write('prtr', 12, 'latin1');
  header.write('CMYK', 16, 'latin1');
  header.write('Lab ', 20, 'latin1');
  header.writeUInt8(2, 8);
  header.writeUInt8(0x10, 9);
  header.write('acsp', 36, 'latin1');
  header.writeUInt32BE(1, 128);
  header.write('desc', 132, 'latin1');
  header.writeUInt32BE(header.length, 136);
  header.writeUInt32BE(descTag.length, 140);
  const profile = Buffer.concat([header, descTag]);
  profile.writeUInt32BE(profile.length, 0);
  return profile;
}

describe('preflightPdf', () => {
  describe('when a page uses RGB fills and an RGB JPEG', () => {
    let report: Awaited<ReturnType<typeof preflightPdf>>;
    beforeAll(async () => {
      const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
      report = await preflightPdf(
        await drawPdf((doc) => {
          doc.rect(10, 10, 50, 50).fill('#ff0000');
          doc.image(jpeg, 100, 100, { width: 40 });
          internals(doc).addContent('0 0 1 RG 1 w 0 0 m 10 10 l S');
        }),
      );
    });

    it('finds DeviceRGB set by an operator in the content', () => {
      expect(report.rgbUses).toContainEqual(expect.objectContaining({ kind: 'operator', pageIndex: 0, where: 'page 1: /DeviceRGB cs' }));
      expect(report.rgbUses).toContainEqual(expect.objectContaining({ kind: 'operator', where: 'page 1: RG' }));
    });

    it('finds the image in DeviceRGB', () => {
      expect(report.images).toHaveLength(1);
      expect(report.images[0]).toMatchObject({ width: 8, height: 8, filters: ['DCTDecode'], colourSpace: { family: 'DeviceRGB' } });
      expect(report.rgbUses).toContainEqual(expect.objectContaining({ kind: 'image', space: expect.objectContaining({ family: 'DeviceRGB' }) }));
    });
  });

  describe('when RGB hides in a form XObject and an inline image', () => {
    it('finds both, saying where', async () => {
      const report = await preflightPdf(
        await drawPdf((doc) => {
          const pdf = internals(doc);
          const form = pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 50, 50], Resources: {} });
          form.end('1 0 0 rg 0 0 10 10 re f');
          pdf.page.xobjects['Fm1'] = form;
          pdf.addContent('q /Fm1 Do Q');
          pdf.addContent('q 10 0 0 10 50 50 cm BI /W 1 /H 1 /CS /RGB /BPC 8 /F /AHx ID ff0000> EI Q');
          pdf.addContent('0 0 0 1 k 0 0 5 5 re f');
        }),
      );
      expect(report.rgbUses.map((u) => u.where)).toEqual([expect.stringMatching(/^page 1 > XObject \/Fm1 \(\d+ 0 R\): rg$/), 'page 1: inline image']);
      expect(report.images).toContainEqual(expect.objectContaining({ ref: null, width: 1, filters: ['AHx'] }));
      expect(report.colourUses).toContainEqual(expect.objectContaining({ where: 'page 1: k', space: expect.objectContaining({ family: 'DeviceCMYK' }) }));
    });
  });

  describe('when a page uses only CMYK', () => {
    let report: Awaited<ReturnType<typeof preflightPdf>>;
    beforeAll(async () => {
      const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } }).toColourspace('cmyk').jpeg().toBuffer();
      report = await preflightPdf(
        await drawPdf((doc) => {
          doc.rect(10, 10, 50, 50).fill([0, 100, 85, 0]);
          doc.image(jpeg, 100, 100, { width: 40 });
          // Operators inside strings and comments are not operators.
          doc.fillColor([0, 0, 0, 100]).text('1 0 0 rg (0 0 1 RG) \\', 10, 150);
          internals(doc).addContent('% 1 0 0 rg');
        }),
      );
    });

    it('finds no RGB', () => {
      expect(report.rgbUses).toEqual([]);
      expect(report.images[0]?.colourSpace?.family).toBe('DeviceCMYK');
    });

    it('reads the text back whole', () => {
      expect(report.textRuns.map((r) => r.text)).toEqual(['1 0 0 rg (0 0 1 RG) \\']);
    });

    it('reports the highest C+M+Y+K set as a percentage', () => {
      expect(report.maxVectorCoverage).toBeCloseTo(185, 6);
      expect(report.maxVectorCoverageAt).toBe('page 1: 0 1 0.85 0 scn');
    });
  });

  describe('black text', () => {
    let report: Awaited<ReturnType<typeof preflightPdf>>;
    beforeAll(async () => {
      report = await preflightPdf(
        await drawPdf((doc: Doc) => {
          doc.save();
          overprintOn(doc);
          internals(doc).addContent('0 0 0 1 k');
          doc.text('k only, overprint', 10, 10);
          doc.fillColor([0, 0, 0, 100]).text('pdfkit cmyk, overprint', 10, 30);
          doc.fillColor([60, 40, 40, 100]).text('rich black, overprint', 10, 50);
          doc.restore();
          doc.fillColor([0, 0, 0, 100]).text('after restore', 10, 70);
          doc.fillColor('#000000').text('rgb black', 10, 90);
          doc.fillColor([0, 100, 0, 0]).text('magenta', 10, 110);
        }),
      );
    });

    it('records each run with its colour, overprint, font and size', () => {
      expect(report.textRuns.map((r) => r.text)).toEqual(['k only, overprint', 'pdfkit cmyk, overprint', 'rich black, overprint', 'after restore', 'rgb black', 'magenta']);
      expect(report.textRuns[0]).toMatchObject({ pageIndex: 0, font: 'F1', fontSize: 12, renderMode: 0, colour: { space: { family: 'DeviceCMYK' }, values: [0, 0, 0, 1] }, overprint: { OP: true, op: true, OPM: 1 } });
    });

    it('does not flag 100 % K text that overprints', () => {
      const flagged = [...report.blackTextWithoutOverprint, ...report.blackTextNotKOnly].map((r) => r.text);
      expect(flagged).not.toContain('k only, overprint');
      expect(flagged).not.toContain('pdfkit cmyk, overprint');
    });

    it('flags black text once q/Q has restored overprint off', () => {
      expect(report.blackTextWithoutOverprint.map((r) => r.text)).toEqual(['after restore', 'rgb black']);
    });

    it('flags rich black and RGB black as not K only, and ignores colours that are not black', () => {
      expect(report.blackTextNotKOnly.map((r) => r.text)).toEqual(['rich black, overprint', 'rgb black']);
    });
  });

  describe('fonts', () => {
    async function twoFonts(): Promise<Buffer> {
      return drawPdf((doc) => {
        doc.font(path.join(FONTS, 'DejaVuSans.ttf')).text('Sans', 10, 10);
        doc.font(path.join(FONTS, 'DejaVuSerif.ttf')).text('Serif', 10, 40);
      });
    }

    it('reports pdfkit subsets as embedded, with distinct CZZZZZ-style tags', async () => {
      const report = await preflightPdf(await twoFonts());
      const descendants = report.fonts.filter((f) => f.descendantOf !== null);
      expect(descendants).toHaveLength(2);
      for (const f of report.fonts) {
        expect(f).toMatchObject({ embedded: true, fontFileKey: 'FontFile2', subsetTag: expect.stringMatching(/^[A-Z]{6}$/) });
      }
      // pdfkit derives the tag from the font's resource name: F2 gives CZZZZZ (F1 is the default Helvetica).
      expect(new Set(descendants.map((f) => f.subsetTag))).toEqual(new Set(['CZZZZZ', 'DZZZZZ']));
      expect(report.subsetTagsDistinct).toBe(true);
    });

    it('says so when two different font programs share a tag', async () => {
      const doc = await PDFDocument.load(await twoFonts());
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFDict)) continue;
        const base = object.get(PDFName.of('BaseFont'));
        if (base instanceof PDFName && base.decodeText().startsWith('DZZZZZ+')) {
          object.set(PDFName.of('BaseFont'), PDFName.of(base.decodeText().replace('DZZZZZ+', 'CZZZZZ+')));
        }
      }
      const report = await preflightPdf(Buffer.from(await doc.save()));
      expect(report.fonts.filter((f) => f.subsetTag === 'CZZZZZ').map((f) => f.baseFont)).toEqual(
        expect.arrayContaining(['CZZZZZ+DejaVuSans', 'CZZZZZ+DejaVuSerif']),
      );
      expect(report.subsetTagsDistinct).toBe(false);
    });

    it('reports a standard font as not embedded', async () => {
      const report = await preflightPdf(await drawPdf((doc) => doc.text('Helvetica', 10, 10)));
      expect(report.fonts).toEqual([expect.objectContaining({ baseFont: 'Helvetica', embedded: false, subsetTag: null })]);
    });
  });

  describe('document structure', () => {
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>' +
      '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    let report: Awaited<ReturnType<typeof preflightPdf>>;
    beforeAll(async () => {
      report = await preflightPdf(
        await drawPdf((doc) => {
          const pdf = internals(doc) as ReturnType<typeof internals> & { _root: { data: Record<string, unknown> }; page: { dictionary: { data: Record<string, unknown> } } };
          doc.info.Title = 'Leaflet';
          (doc.info as Record<string, unknown>)['GTS_PDFXVersion'] = 'PDF/X-4';
          (doc.info as Record<string, unknown>)['Trapped'] = 'False';
          const profile = pdf.ref({ N: 4 });
          profile.end(fakeIccProfile('Coated FOGRA39'));
          const intent = pdf.ref({ Type: 'OutputIntent', S: 'GTS_PDFX', OutputConditionIdentifier: new String('FOGRA39'), RegistryName: new String('http://www.color.org'), DestOutputProfile: profile });
          intent.end();
          const metadata = pdf.ref({ Type: 'Metadata', Subtype: 'XML' });
          metadata.end(xmp);
          pdf._root.data['OutputIntents'] = [intent];
          pdf._root.data['Metadata'] = metadata;
          pdf.page.dictionary.data['BleedBox'] = [0, 0, 200, 200];
          pdf.page.dictionary.data['TrimBox'] = [8.5, 8.5, 191.5, 191.5];
          doc.addPage({ size: [200, 200], margin: 0 });
          pdf.page.dictionary.data['BleedBox'] = [0, 0, 210, 200];
        }),
      );
    });

    it('reads the Info dictionary and the document ID', () => {
      expect(report.info).toMatchObject({ present: true, title: 'Leaflet', gtsPdfxVersion: 'PDF/X-4', trapped: 'False', author: null, producer: 'PDFKit' });
      expect(report.info.creationDate).toMatch(/^D:\d{14}/);
      expect(report.documentId?.[0]).toMatch(/^[0-9a-f]{32}$/);
    });

    it('reads the XMP packet and its PDF/X version', () => {
      expect(report.metadata).toMatchObject({ present: true, pdfxVersion: 'PDF/X-4' });
      expect(report.metadata.xmp).toContain('x:xmpmeta');
    });

    it('reads the output intent and its ICC profile header', () => {
      expect(report.outputIntents).toEqual([
        {
          subtype: 'GTS_PDFX',
          outputConditionIdentifier: 'FOGRA39',
          outputCondition: null,
          registryName: 'http://www.color.org',
          info: null,
          profileComponents: 4,
          profile: expect.objectContaining({ colourSpace: 'CMYK', profileClass: 'prtr', version: '2.1.0', signatureOk: true, description: 'Coated FOGRA39' }),
        },
      ]);
    });

    it('checks each page box against the next larger one', () => {
      expect(report.pages).toEqual([
        { index: 0, mediaBox: [0, 0, 200, 200], trimBox: [8.5, 8.5, 191.5, 191.5], bleedBox: [0, 0, 200, 200], bleedWithinMedia: true, trimWithinBleed: true },
        { index: 1, mediaBox: [0, 0, 200, 200], trimBox: null, bleedBox: [0, 0, 210, 200], bleedWithinMedia: false, trimWithinBleed: false },
      ]);
    });
  });
});
