import { RENDERER_VERSION } from '../queue/print-job';
import { contentHash } from './content-hash';

/**
 * The file store name (a sha256, as every PDF's) of a print run's combined PDF: the versions' own PDF
 * hashes in row order and the renderer. The server and the worker both derive it, so the server knows
 * where the combined PDF will be without asking the queue, and runs with the same versions share it.
 */
export function combinedPdfHash(pdfHashes: readonly string[]): string {
  return contentHash({ combined: pdfHashes, renderer: RENDERER_VERSION });
}
