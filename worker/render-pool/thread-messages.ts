import type { LaidOutDesign, PreflightWarning } from '../../common/layout/draw-items';

/** What the pool sends a render thread: one PDF to draw. */
export interface RenderThreadRequest {
  /** Pairs the answers with the request. */
  id: number;
  layout: LaidOutDesign;
  title: string;
  /** Draw the proof mark across every page. */
  proof?: boolean;
  /** Send each converted picture back too (a print run's render). */
  keepConverted?: boolean;
  /** Image bytes by asset id (copied into the thread). */
  images: Array<[string, Uint8Array]>;
}

/** What a render thread says: that it has parsed its fonts; then per request progress, and the PDF or the error. */
export type RenderThreadReply =
  | { type: 'ready' }
  | { id: number; type: 'progress'; /** 0-100. */ percent: number }
  | { id: number; type: 'done'; pdf: Uint8Array; pages: number; warnings: PreflightWarning[]; /** Converted pictures as files (keepConverted). */ converted?: Array<{ key: string; file: Uint8Array }> }
  | { id: number; type: 'error'; message: string; stack?: string };
