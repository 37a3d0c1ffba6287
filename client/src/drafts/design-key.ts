import type { DesignInput } from '../../../common/design/design-schema';

/**
 * A short fingerprint of a design and a number of copies (FNV-1a over its JSON), to tell whether the
 * design changed since it was sent. Not a security measure; the server has its own content hash.
 */
export function designKey(design: DesignInput, copies: number): string {
  const text = JSON.stringify([design, copies]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}
