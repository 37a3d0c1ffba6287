// qrcode's core encoder is plain JavaScript (no canvas, no node:*), so it runs in the worker and the browser alike.
import { create } from 'qrcode';

/** Modules of quiet zone on each side, as the QR standard asks. */
export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** Dark modules as horizontal runs: [row, column, length]. */
  runs: Array<[number, number, number]>;
}

/** Encodes a URL (error correction M: survives a crease or a smudge). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: Array<[number, number, number]> = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return { size, runs };
}
