// qrcode's core encoder is plain JavaScript (no canvas, no node:*), so it runs in the worker and the browser alike.
import { create } from 'qrcode';

/** Modules of quiet zone on each side, as the QR standard asks. */
export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** Dark modules as horizontal runs: [row, column, length]. */
  readonly runs: ReadonlyArray<readonly [number, number, number]>;
}

/** Matrices kept for reuse: a campaign prints its one web address on leaflet after leaflet. */
const REMEMBERED = 64;
const remembered = new Map<string, QrMatrix>();

/**
 * Encodes a URL (error correction M: survives a crease or a smudge). Encoding is the costliest step of
 * laying out a design (a server checks the fit of every print job), so the last few are remembered;
 * the matrix is frozen, as it is shared.
 */
export function qrMatrix(text: string): QrMatrix {
  let matrix = remembered.get(text);
  if (!matrix) {
    matrix = encode(text);
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(text, matrix);
  }
  return matrix;
}

function encode(text: string): QrMatrix {
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
  return Object.freeze({ size, runs: Object.freeze(runs.map((r) => Object.freeze(r))) });
}
