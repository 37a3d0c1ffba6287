import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFArray, PDFNumber } from 'pdf-lib';

/** What a test can check about a PDF, read back by independent parsers (poppler and pdf-lib). */
export interface PdfFacts {
  text: string;
  pages: Array<{ mediaBox: number[]; trimBox: number[] | null; bleedBox: number[] | null }>;
  /** `pdffonts` rows: name, type, embedded, subset. */
  fonts: Array<{ name: string; embedded: boolean; subset: boolean }>;
  info: Record<string, string>;
}

function box(page: ReturnType<PDFDocument['getPage']>, name: string): number[] | null {
  const value = page.node.lookup(PDFName.of(name));
  if (!(value instanceof PDFArray)) return null;
  return value.asArray().map((n) => (n as PDFNumber).asNumber());
}

/** Reads a PDF back: its text (pdftotext), fonts (pdffonts), info (pdfinfo) and page boxes (pdf-lib). */
export async function readPdf(data: Buffer): Promise<PdfFacts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, data);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const fontLines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const fonts = fontLines.map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type [type2] encoding emb sub uni object ID: the emb/sub/uni columns are yes/no.
      const flags = cols.filter((c) => c === 'yes' || c === 'no');
      return { name: cols[0]!, embedded: flags[0] === 'yes', subset: flags[1] === 'yes' };
    });
    const info: Record<string, string> = {};
    for (const line of execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1]!] = m[2]!;
    }
    const pdf = await PDFDocument.load(data);
    const pages = pdf.getPages().map((p) => ({ mediaBox: box(p, 'MediaBox') ?? [], trimBox: box(p, 'TrimBox'), bleedBox: box(p, 'BleedBox') }));
    return { text, pages, fonts, info };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One word as poppler sees it on a page: its text and box in PDF points from the page's top-left corner. */
export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word of a PDF with its box, from `pdftotext -bbox-layout` (glyph positions as a viewer draws them). */
export function readWordBoxes(data: Buffer): WordBox[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, data);
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
    const words: WordBox[] = [];
    let page = -1;
    for (const m of html.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[0].startsWith('<page')) page += 1;
      else words.push({ page, text: decodeEntities(m[5]!), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
    return words;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}
