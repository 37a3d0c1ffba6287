import { asciiStemOf, attachmentDisposition, unicodeStemOf } from '../../../server/http/attachment-disposition';

describe('the file name of a downloaded PDF', () => {
  it('is the title with every run of spaces and punctuation one hyphen, case kept', () => {
    expect(attachmentDisposition('Spring newsletter')).toBe('attachment; filename="Spring-newsletter.pdf"');
    expect(attachmentDisposition('  Polling day: 7am to 10pm! ')).toBe('attachment; filename="Polling-day-7am-to-10pm.pdf"');
  });

  it('adds filename* (RFC 8187, UTF-8) for a Welsh title, and an ASCII filename without its accents (other scripts left out of it)', () => {
    expect(attachmentDisposition('Tŷ Ŵyl')).toBe(`attachment; filename="Ty-Wyl.pdf"; filename*=UTF-8''T%C5%B7-%C5%B4yl.pdf`);
    expect(attachmentDisposition('Ελλάδα 2026')).toBe(`attachment; filename="2026.pdf"; filename*=UTF-8''%CE%95%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1-2026.pdf`);
  });

  it.each([
    ['a quote', 'Evil" ; filename="x.exe'],
    ['a line break', 'Evil\r\nSet-Cookie: session=stolen'],
    ['a semicolon and a star', "Evil; filename*=UTF-8''x.exe"],
    ['a path', '../../etc/passwd'],
    ['a percent sign', 'Evil%0d%0a'],
  ])('lets no header or parameter in through %s', (_case, title) => {
    const header = attachmentDisposition(title);
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.pdf"(; filename\*=UTF-8''[A-Za-z0-9%-]+\.pdf)?$/);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('falls back to the given name when nothing of the title is left, or the title is unknown', () => {
    expect(attachmentDisposition('!!!', 'leaflet-abc')).toBe('attachment; filename="leaflet-abc.pdf"');
    expect(attachmentDisposition(null, 'leaflet-abc')).toBe('attachment; filename="leaflet-abc.pdf"');
    expect(attachmentDisposition('中文')).toBe(`attachment; filename="leaflet.pdf"; filename*=UTF-8''%E4%B8%AD%E6%96%87.pdf`);
  });

  it('keeps names to 80 characters, never ending on a hyphen', () => {
    const title = `${'word '.repeat(40)}end`;
    expect(asciiStemOf(title)!.length).toBeLessThanOrEqual(80);
    expect(asciiStemOf(title)).not.toMatch(/-$/);
    expect(Array.from(unicodeStemOf(`${'ŵ '.repeat(60)}`)!).length).toBeLessThanOrEqual(80);
  });
});
