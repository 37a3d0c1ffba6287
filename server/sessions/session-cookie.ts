import type { IncomingHttpHeaders } from 'node:http';
import type { CookieOptions, Response } from 'express';

/**
 * The session cookie. Over HTTPS (production) it is `__Host-` prefixed, which browsers accept only
 * when it is Secure, has Path=/ and no Domain, so no subdomain can plant or overwrite it.
 */
export class SessionCookie {
  readonly name: string;

  constructor(
    /** Set Secure and the `__Host-` prefix (everywhere but development and tests on plain HTTP). */
    private readonly secure: boolean,
    /** Lifetime of the cookie, milliseconds (the session in Redis may end sooner). */
    private readonly maxAgeMs: number,
  ) {
    this.name = secure ? '__Host-rosette_session' : 'rosette_session';
  }

  /** The cookie's value in a request (an Express request, or a bare node:http one at the overload gate), or null. */
  read(req: { headers: IncomingHttpHeaders }): string | null {
    const header = req.headers.cookie;
    if (!header || header.length > 8192) return null;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() === this.name) return part.slice(eq + 1).trim() || null;
    }
    return null;
  }

  set(res: Response, value: string): void {
    res.cookie(this.name, value, { ...this.options(), maxAge: this.maxAgeMs });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, this.options());
  }

  private options(): CookieOptions {
    // Lax, not Strict: a campaigner who follows a link to Rosette from their email arrives signed in.
    // Every state-changing request needs the CSRF token as well, so Lax gives a forger nothing.
    return { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/' };
  }
}
