import type { DesignInput } from '../../../common/design/design-schema';

/**
 * A short fingerprint of a design (FNV-1a over its JSON), to tell whether the design changed since it
 * was sent. Not a security measure; the server has its own content hash. The 1 is the number of copies
 * drafts sent before the Copies field went (1 unless changed): their keys still match.
 */
export function designKey(design: DesignInput): string {
  const text = JSON.stringify([design, 1]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}
