import { SAMPLE_IMPRINT } from '../../../common/templates/sample-imprint';
import { isSampleDetail, sampleImprintProblems } from '../../../common/templates/sample-imprint-problems';
import { TEMPLATES } from '../../../common/templates/templates';

const REAL = {
  printer: { name: 'Riverside Print Works', address: '14 Dock Street, Cardiff CF10 5AB' },
  promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' },
};

describe('sampleImprintProblems', () => {
  it('flags every detail of the templates\' sample imprint, in the order the editor shows them', () => {
    expect(sampleImprintProblems(SAMPLE_IMPRINT).map((p) => p.path.join('.'))).toEqual([
      'imprint.promoter.name',
      'imprint.promoter.address',
      'imprint.onBehalfOf.name',
      'imprint.onBehalfOf.address',
      'imprint.printer.name',
      'imprint.printer.address',
    ]);
  });

  it('flags the imprint of every template as it comes', () => {
    for (const template of TEMPLATES) expect(sampleImprintProblems(template.design.imprint)).toHaveLength(6);
  });

  it('says what the sample detail is and what to fill in', () => {
    expect(sampleImprintProblems({ ...REAL, promoter: { ...REAL.promoter, name: 'Alex Example' } })).toEqual([
      {
        path: ['imprint', 'promoter', 'name'],
        message: '"Alex Example" is a sample promoter name: fill in the name of the person responsible for this leaflet (often the agent)',
        unquoted: 'the promoter name is a sample, a placeholder or empty: fill in the name of the person responsible for this leaflet (often the agent)',
      },
    ]);
    expect(sampleImprintProblems({ ...REAL, printer: { ...REAL.printer, address: '' } })).toEqual([
      { path: ['imprint', 'printer', 'address'], message: "the printer address is empty: fill in the printer's own postal address", unquoted: "the printer address is a sample, a placeholder or empty: fill in the printer's own postal address" },
    ]);
  });

  it('passes a real imprint, with or without "on behalf of"', () => {
    expect(sampleImprintProblems(REAL)).toEqual([]);
    expect(sampleImprintProblems({ ...REAL, onBehalfOf: { name: 'Riverside Labour', address: '9 Market Square, Riverside RV1 2BB' } })).toEqual([]);
  });

  it('recognises a sample detail moved to another field, whatever its spacing and case', () => {
    expect(sampleImprintProblems({ ...REAL, printer: { name: 'Riverside Print Works', address: '  2 sample road,  cardiff CF10 2BB ' } }).map((p) => p.path.join('.'))).toEqual(['imprint.printer.address']);
  });

  it('flags a missing imprint or party as empty fields', () => {
    expect(sampleImprintProblems(undefined).map((p) => p.path.join('.'))).toEqual(['imprint.promoter.name', 'imprint.promoter.address', 'imprint.printer.name', 'imprint.printer.address']);
    expect(sampleImprintProblems({ ...REAL, onBehalfOf: { name: 'Riverside Labour' } }).map((p) => p.path.join('.'))).toEqual(['imprint.onBehalfOf.address']);
  });
});

describe('isSampleDetail', () => {
  it.each(['Example Print Co-operative', 'An Example Printer Ltd', '1 Sample Road', '3 Specimen Lane', '[promoter name]', 'TBC', 'xxxx', 'Lorem ipsum', '', '   ', '--', '?', 'placeholder'])(
    'says "%s" is a sample or a placeholder',
    (text) => expect(isSampleDetail(text)).toBe(true),
  );

  it.each(['Exemplar Print Ltd', 'Sampleton Press', 'Jo Bloggs', '5 New Street, Riverside RV1 1AA', 'Gwasg Gomer, Llandysul SA44 4JL', 'Ŵyn a Tŷ Cyf.'])('takes "%s" as real', (text) => {
    expect(isSampleDetail(text)).toBe(false);
  });

  it('takes anything but a string as missing', () => {
    expect(isSampleDetail(undefined)).toBe(true);
    expect(isSampleDetail(42)).toBe(true);
  });
});
