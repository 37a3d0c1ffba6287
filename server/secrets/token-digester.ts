import crypto from 'node:crypto';

/** What a digest is for: the same token digested for another purpose gives an unrelated value. */
export type DigestPurpose = 'session' | 'session-cookie' | 'invite' | 'share';

/**
 * Keyed digests (HMAC-SHA256 with the server secret) of the tokens Rosette hands out. Redis keeps
 * only digests: a copy of the database grants no session, invite or share link, and without the
 * secret nobody can even test a guessed token against it.
 */
export class TokenDigester {
  constructor(private readonly key: Buffer) {}

  /** Hex digest of a token for one purpose. */
  digest(purpose: DigestPurpose, token: string): string {
    return crypto.createHmac('sha256', this.key).update(`${purpose}\0${token}`).digest('hex');
  }

  /** The token with a signature appended (`<token>.<mac>`): forged cookies are refused without a Redis look-up. */
  sign(token: string): string {
    return `${token}.${this.mac(token)}`;
  }

  /** The token of a signed value, or null when the signature does not match (compared in constant time). */
  unsign(signed: string): string | null {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return null;
    const token = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(token), 'utf8');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : null;
  }

  private mac(token: string): string {
    return crypto.createHmac('sha256', this.key).update(`session-cookie\0${token}`).digest('base64url');
  }
}

/** Plain sha256 (hex) of a normalised value, for index keys that must not show the value (emails, names). */
export function indexDigest(value: string): string {
  return crypto.createHash('sha256').update(value, 'utf8').digest('hex');
}
