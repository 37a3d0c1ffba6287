import { ZipFile } from 'yazl';
import { RENDERER_RELEASED } from '../common/queue/print-job';

/** Longest part of a file name taken from a version's name, characters. */
const NAME_MAX = 80;

/** A file name for a version's PDF in the ZIP: its row number (so names sort in row order and never clash) and its name, made safe for any file system. */
export function zipEntryName(n: number, label: string, total: number): string {
  const safe = label
    .normalize('NFKD')
    // Accents off (ŵ becomes w), rather than each mark becoming a dash.
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[-. ]+|[-. ]+$/g, '')
    .slice(0, NAME_MAX);
  return `${String(n + 1).padStart(String(total).length, '0')}${safe ? ` ${safe}` : ''}.pdf`;
}

/**
 * A ZIP of PDFs, one entry per version in row order. PDFs are compressed already, so entries are stored
 * as they are; every entry carries the renderer's release date, so the same versions give the same bytes.
 * yazl streams the archive; the PDFs are read one at a time by `read`.
 */
export async function zipOfPdfs(entries: ReadonlyArray<{ name: string; key: string }>, read: (key: string) => Promise<Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  for (const entry of entries) zip.addBuffer(await read(entry.key), entry.name, { mtime: RENDERER_RELEASED, compress: false });
  zip.end();
  return done;
}
