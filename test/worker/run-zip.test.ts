import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipEntryName, zipOfPdfs } from '../../worker/run-zip';

describe('the names of the files in a run\'s ZIP', () => {
  it('start with the row number, padded so they sort in row order, then the version\'s name', () => {
    expect(zipEntryName(6, 'Vote in Grange on 7 May', 20)).toBe('07 Vote in Grange on 7 May.pdf');
    expect(zipEntryName(6, 'Grange', 600)).toBe('007 Grange.pdf');
  });

  it('keep nothing a file system or an archive tool could take for a path or a command', () => {
    expect(zipEntryName(0, '../../etc/passwd', 9)).toBe('1 etc-passwd.pdf');
    expect(zipEntryName(1, 'Ysgol Gymraeg Brynmawr — Cymraeg', 9)).toBe('2 Ysgol Gymraeg Brynmawr - Cymraeg.pdf');
    expect(zipEntryName(2, 'Pen-y-bryn: "Bro" <Gŵyr>', 9)).toBe('3 Pen-y-bryn- -Bro- -Gwyr.pdf');
    expect(zipEntryName(3, '=HYPERLINK("x")', 9)).toBe('4 HYPERLINK-x.pdf');
    expect(zipEntryName(4, '///', 9)).toBe('5.pdf');
    expect(zipEntryName(5, 'x'.repeat(300), 9)).toHaveLength('6 '.length + 80 + '.pdf'.length);
  });
});

describe('a ZIP of PDFs', () => {
  it('holds each file under its name, as it was, and equal entries give equal bytes', async () => {
    const files: Record<string, Buffer> = { 'pdfs/a.pdf': Buffer.from('%PDF-1.6 a'), 'pdfs/b.pdf': Buffer.from('%PDF-1.6 b') };
    const entries = [
      { name: '1 Abbey.pdf', key: 'pdfs/a.pdf' },
      { name: '2 Castle.pdf', key: 'pdfs/b.pdf' },
      { name: '3 Abbey again.pdf', key: 'pdfs/a.pdf' },
    ];
    const zip = await zipOfPdfs(entries, async (key) => files[key]!);
    expect((await zipOfPdfs(entries, async (key) => files[key]!)).equals(zip)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-zip-'));
    try {
      fs.writeFileSync(path.join(dir, 'run.zip'), zip);
      expect(execFileSync('unzip', ['-Z1', path.join(dir, 'run.zip')], { encoding: 'utf8' }).split('\n').filter(Boolean)).toEqual(entries.map((e) => e.name));
      execFileSync('unzip', ['-q', path.join(dir, 'run.zip'), '-d', path.join(dir, 'out')]);
      expect(fs.readFileSync(path.join(dir, 'out', '3 Abbey again.pdf'), 'utf8')).toBe('%PDF-1.6 a');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
