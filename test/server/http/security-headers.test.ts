import crypto from 'node:crypto';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { TestClient } from '../../support/test-client';

let rosette: RunningRosette;

beforeAll(async () => {
  // As in production: HSTS, Secure __Host- cookies (a strong secret is required, so one is made here).
  rosette = await startRosette({ NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('base64') }, undefined, CALM);
});
afterAll(async () => {
  await rosette?.close();
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and HSTS', async () => {
    const res = await fetch(`${rosette.baseUrl}/api/templates`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sets the session cookie Secure, HttpOnly, SameSite and __Host- prefixed', async () => {
    const account = await rosette.createAccount();
    const res = await new TestClient(rosette.baseUrl).signIn(account.email, account.password);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-rosette_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});
