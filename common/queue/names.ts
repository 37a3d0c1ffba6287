/** Names shared by the server and the worker: queues, job names, file store folders. One place, so they cannot drift. */

/** The BullMQ queue of print jobs. */
export const PRINT_QUEUE = 'print-jobs';
/** The BullMQ job name of a render. */
export const RENDER_JOB = 'render-pdf';
/** Prefix of all BullMQ keys in Redis. */
export const QUEUE_PREFIX = 'rosette';

/** File store key of a rendered PDF. */
export const pdfKey = (hash: string) => `pdfs/${hash}.pdf`;
/** File store key of an uploaded image. */
export const assetKey = (id: string, ext: 'jpg' | 'png') => `assets/${id}.${ext}`;
/** File store key of an uploaded image's facts (pixel size, type). */
export const assetInfoKey = (id: string) => `assets/${id}.json`;
