import { parentPort } from 'node:worker_threads';
import { FontCache } from '../pdf/font-cache';
import { renderPdf } from '../pdf/render-pdf';
import type { RenderThreadReply, RenderThreadRequest } from './thread-messages';

/**
 * Entry point of one render thread: parses the fonts once, then draws each PDF the pool sends, one at a
 * time. The thread holds no connection and no job state, so the pool can terminate it at any moment.
 */
if (!parentPort) throw new Error('render-thread.js runs only as a worker thread');
const port = parentPort;
const fonts = new FontCache();
const reply = (message: RenderThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (request: RenderThreadRequest) => {
  const images = new Map(request.images.map(([id, bytes]) => [id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
  renderPdf({ layout: request.layout, title: request.title, proof: request.proof === true, keepConverted: request.keepConverted === true, images, fonts, onProgress: (percent) => reply({ id: request.id, type: 'progress', percent }) }).then(
    ({ data, pages, warnings, converted }) => {
      // Hand the bytes over without a copy when the Buffer owns its whole ArrayBuffer (large ones do).
      const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      const pdf = owned ? data : Uint8Array.prototype.slice.call(data);
      // The converted pictures are copied (structured clone): a few hundred kilobytes each, once per run version.
      reply({ id: request.id, type: 'done', pdf, pages, warnings, ...(converted && { converted }) }, [pdf.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      reply({ id: request.id, type: 'error', message: e.message, stack: e.stack });
    },
  );
});
reply({ type: 'ready' });
