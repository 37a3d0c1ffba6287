import { drawPdf, overprintOn } from './draw-pdf';
import { separations, type SeparationReport } from './separations';

describe('separations', () => {
  describe('when a page has a 100 % K, a rich black, a 4 x 100 % and an RGB red square', () => {
    let report: SeparationReport;
    beforeAll(async () => {
      const pdf = await drawPdf((doc) => {
        doc.rect(0, 0, 50, 50).fill([0, 0, 0, 100]);
        doc.rect(60, 0, 50, 50).fill([60, 40, 40, 100]);
        doc.rect(120, 0, 50, 50).fill([100, 100, 100, 100]);
        doc.rect(0, 100, 50, 50).fill([0, 100, 85, 0]);
        doc.rect(60, 100, 50, 50).fill('#ff0000');
      });
      report = await separations(pdf, { resolution: 72 });
    });

    it('rasterises the whole MediaBox, one plate per process colour', () => {
      expect(report.pages).toHaveLength(1);
      expect(report.pages[0]).toMatchObject({ widthPx: 200, heightPx: 200, widthPt: 200, heightPt: 200, plates: ['Cyan', 'Magenta', 'Yellow', 'Black'] });
    });

    it('puts 100 % K on the black plate only', () => {
      // Top-left origin in points, as pdfkit draws; the region keeps clear of the square's edges.
      expect(report.inkAt(0, 10, 10, 30, 30)).toEqual({ Cyan: 0, Magenta: 0, Yellow: 0, Black: 100 });
    });

    it('measures a rich black at 240 %', () => {
      expect(report.inkAt(0, 70, 10, 30, 30)).toEqual({ Cyan: expect.closeTo(60, 0), Magenta: expect.closeTo(40, 0), Yellow: expect.closeTo(40, 0), Black: 100 });
      expect(report.maxTotalIn(0, { x: 70, y: 10, width: 30, height: 30 })).toBeCloseTo(240, 0);
    });

    it('reports 400 % as the page maximum', () => {
      expect(report.pages[0]!.maxTotalCoverage).toBe(400);
    });

    it('reads a CMYK red as it was set', () => {
      expect(report.inkAt(0, 10, 110, 30, 30)).toEqual({ Cyan: 0, Magenta: 100, Yellow: expect.closeTo(85, 0), Black: 0 });
    });

    it('shows that Ghostscript converted the RGB red to ink on the magenta and yellow plates', () => {
      const ink = report.inkAt(0, 70, 110, 30, 30);
      expect(ink['Magenta']).toBeGreaterThan(80);
      expect(ink['Yellow']).toBeGreaterThan(80);
    });

    it('finds no ink where nothing was drawn', () => {
      expect(report.inkAt(0, 120, 120, 60, 60)).toEqual({ Cyan: 0, Magenta: 0, Yellow: 0, Black: 0 });
    });
  });

  describe('when black overprints a cyan background and another black knocks it out', () => {
    it('keeps the cyan under the overprinting black only', async () => {
      const pdf = await drawPdf((doc) => {
        doc.rect(0, 0, 200, 200).fill([100, 0, 0, 0]);
        doc.save();
        overprintOn(doc);
        doc.rect(10, 10, 50, 50).fill([0, 0, 0, 100]);
        doc.restore();
        doc.rect(100, 10, 50, 50).fill([0, 0, 0, 100]);
      });
      const report = await separations(pdf, { resolution: 72 });
      expect(report.inkAt(0, 20, 20, 30, 30)).toMatchObject({ Cyan: 100, Black: 100 });
      expect(report.inkAt(0, 110, 20, 30, 30)).toMatchObject({ Cyan: 0, Black: 100 });
    });
  });

  describe('when the document has two pages and a spot colour', () => {
    it('reports each page with its own plates, spot plates after the process plates', async () => {
      const pdf = await drawPdf((doc) => {
        doc.rect(0, 0, 20, 20).fill([0, 0, 0, 100]);
        doc.addPage({ size: [100, 50], margin: 0 });
        const pdfDoc = doc as unknown as { ref(d: Record<string, unknown>): { end(s?: string): void }; page: { resources: { data: Record<string, unknown> } } };
        const tint = pdfDoc.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 0.5, 1, 0], N: 1 });
        tint.end();
        pdfDoc.page.resources.data['ColorSpace'] = { CS1: ['Separation', 'Gold', 'DeviceCMYK', tint] };
        (doc as unknown as { addContent(s: string): void }).addContent('/CS1 cs 1 scn 0 0 100 50 re f');
      });
      const report = await separations(pdf, { resolution: 72 });
      expect(report.pages.map((p) => [p.widthPt, p.heightPt])).toEqual([[200, 200], [100, 50]]);
      expect(report.pages[1]!.plates).toEqual(['Cyan', 'Magenta', 'Yellow', 'Black', 'Gold']);
      expect(report.inkAt(1, 40, 10, 20, 20)).toEqual({ Cyan: 0, Magenta: 0, Yellow: 0, Black: 0, Gold: 100 });
      expect(report.inkAt(0, 5, 5, 10, 10)['Black']).toBe(100);
    });
  });
});
