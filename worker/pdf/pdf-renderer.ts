import type { LaidOutDesign } from '../../common/layout/draw-items';
import type { FontCache } from './font-cache';
import { renderPdf, type RenderedPdf } from './render-pdf';

/** What drawing one PDF takes: a finished layout, the PDF's title and the image bytes it places. */
export interface RenderRequest {
  layout: LaidOutDesign;
  /** Goes into the PDF's Title. */
  title: string;
  /** Image bytes by asset id. */
  images: ReadonlyMap<string, Buffer>;
  /** Draw PROOF_MARK across every page (a proof for sign-off). */
  proof?: boolean;
  /** Return each converted picture as a file too (a print run's render: the run's combined PDF reuses them). */
  keepConverted?: boolean;
}

/**
 * Draws a PDF. The worker process uses a pool of render threads (render-pool/), which can be killed when
 * a render runs too long; tests and benchmarks may draw in-process.
 * @param onProgress called with 0-100 as pages are drawn; its failures must not fail the render.
 */
export type PdfRenderer = (request: RenderRequest, onProgress?: (percent: number) => void) => Promise<RenderedPdf>;

/** Draws on the calling thread, with fonts parsed once per process. Cannot be interrupted. */
export function inProcessRenderer(fonts: FontCache): PdfRenderer {
  return (request, onProgress) => renderPdf({ ...request, fonts, onProgress });
}
