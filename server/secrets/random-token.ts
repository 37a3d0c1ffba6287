import crypto from 'node:crypto';

/** Bytes of randomness in every token Rosette hands out (session ids, invites, share links): 256 bits. */
export const TOKEN_BYTES = 32;

/** A token of TOKEN_BYTES random bytes, base64url (43 characters): unguessable and URL-safe. */
export function randomToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What randomToken makes: checked before any Redis look-up, so garbage costs nothing. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A short random id for records that are named in URLs but grant nothing by themselves (128 bits, hex). */
export function randomId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** What randomId makes. */
export const ID_PATTERN = /^[a-f0-9]{32}$/;
