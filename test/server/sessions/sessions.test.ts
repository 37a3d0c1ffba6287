import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { TestClient, type TestAccount } from '../../support/test-client';

let rosette: RunningRosette;
let campaigner: TestAccount;

beforeAll(async () => {
  // A low per-address limit, so the test can reach it quickly.
  rosette = await startRosette({ SIGN_IN_ATTEMPTS_PER_ADDRESS: '25', SIGN_IN_FREE_FAILURES: '3' }, undefined, CALM);
  campaigner = await rosette.createAccount({ organisation: 'Riverside Labour' });
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe('signing in', () => {
  it('answers the account and a CSRF token, and sets an HttpOnly SameSite session cookie', async () => {
    const client = new TestClient(rosette.baseUrl);
    const res = await client.signIn(campaigner.email, campaigner.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rosette_session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, any>;
    expect(Object.keys(body).sort()).toEqual(['account', 'csrfToken']);
    expect(Object.keys(body.account).sort()).toEqual(['createdAt', 'email', 'id', 'organisation', 'organisationId', 'role', 'status']);
    expect(body.account).toMatchObject({ email: campaigner.email, role: 'campaigner', organisation: 'Riverside Labour', status: 'active' });
    expect((await client.request('/api/session')).status).toBe(200);
  });

  it('says the same thing, in the same words, for an unknown address and a wrong password', async () => {
    const unknown = await errorOf(await new TestClient(rosette.baseUrl).signIn('nobody-here@example.org', 'a wrong password 123'));
    const wrong = await errorOf(await new TestClient(rosette.baseUrl).signIn(campaigner.email, 'a wrong password 123'));
    expect(unknown).toEqual({ status: 401, code: 'sign_in_failed', message: expect.any(String) });
    expect(wrong).toEqual(unknown);
  });

  it('says the same for an invited account that has no password yet, and for a disabled one', async () => {
    const invited = await rosette.createAccount({ status: 'invited' });
    await rosette.accounts.accounts.update(invited.id, { passwordHash: '' });
    const disabled = await rosette.createAccount();
    await rosette.accounts.accounts.update(disabled.id, { status: 'disabled' });
    for (const a of [invited, disabled]) {
      expect(await errorOf(await new TestClient(rosette.baseUrl).signIn(a.email, a.password))).toMatchObject({ status: 401, code: 'sign_in_failed' });
    }
  });

  it('refuses a forged cookie without trusting it, and a cookie from another secret', async () => {
    const client = new TestClient(rosette.baseUrl);
    client.cookie = `rosette_session=${'A'.repeat(43)}.${'B'.repeat(43)}`;
    expect((await errorOf(await client.request('/api/designs'))).code).toBe('sign_in_required');
    expect(await (await client.request('/api/session')).json()).toEqual({ account: null, csrfToken: null });
  });
});

describe('session fixation', () => {
  it('gives a new session id at sign-in and ends the one the browser carried', async () => {
    // The attacker signs in to get a valid session id and plants it in the victim's browser.
    const attacker = await rosette.createAccount({ organisation: 'Attackers' });
    const planted = await rosette.signedIn(attacker);
    const victim = new TestClient(rosette.baseUrl);
    victim.cookie = planted.cookie;
    // The victim signs in with the planted cookie.
    const res = await victim.signIn(campaigner.email, campaigner.password);
    expect(res.status).toBe(200);
    expect(victim.cookie).not.toBe(planted.cookie);
    // The planted id opens nothing now: not the victim's session, and not the attacker's either.
    expect((await planted.request('/api/designs')).status).toBe(401);
    const me = (await (await victim.request('/api/session')).json()) as { account: { email: string } };
    expect(me.account.email).toBe(campaigner.email);
  });

  it('gives a new CSRF token with each new session', async () => {
    const a = await rosette.signedIn(campaigner);
    const b = await rosette.signedIn(campaigner);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect(a.cookie).not.toBe(b.cookie);
  });
});

describe('signing out', () => {
  it('ends the session in Redis and clears the cookie', async () => {
    const client = await rosette.signedIn(campaigner);
    const stolen = client.cookie;
    const res = await client.request('/api/session', { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/rosette_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = new TestClient(rosette.baseUrl);
    replay.cookie = stolen;
    expect((await replay.request('/api/designs')).status).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, or with another session\'s token', async () => {
    const client = await rosette.signedIn(campaigner);
    const other = await rosette.signedIn(campaigner);
    const design = ((await (await client.request('/api/templates/a6-postcard')).json()) as { design: unknown }).design;
    const without = await client.request('/api/designs', { json: { design }, csrf: false });
    expect(await errorOf(without)).toMatchObject({ status: 403, code: 'csrf_token_invalid' });
    const wrong = await client.request('/api/designs', { json: { design }, headers: { 'X-CSRF-Token': other.csrfToken! }, csrf: false });
    expect(await errorOf(wrong)).toMatchObject({ status: 403, code: 'csrf_token_invalid' });
    // A form post from another site: no custom header, and not JSON.
    const form = await client.request('/api/print-jobs', { method: 'POST', body: 'design=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, csrf: false });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    // An upload (which takes any body) without the token.
    const upload = await client.request('/api/assets', { method: 'POST', body: 'GIF89a', headers: { 'Content-Type': 'text/plain' }, csrf: false });
    expect(await errorOf(upload)).toMatchObject({ status: 403, code: 'csrf_token_invalid' });
    // Sign-out too.
    expect((await client.request('/api/session', { method: 'DELETE', csrf: false })).status).toBe(403);
    // With the token it works.
    expect((await client.request('/api/designs', { json: { design } })).status).toBe(201);
  });
});

describe('brute-force sign-in', () => {
  it('makes the next attempt on one account wait after a few failures, even with the right password', async () => {
    const target = await rosette.createAccount();
    const client = new TestClient(rosette.baseUrl);
    // SIGN_IN_FREE_FAILURES is 3 here: the third failure imposes a wait of 1 s on the next attempt.
    for (let i = 0; i < 3; i++) expect((await client.signIn(target.email, `wrong password number ${i}`)).status).toBe(401);
    const held = await client.signIn(target.email, target.password);
    expect(await errorOf(held.clone())).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // An unknown address is held up in exactly the same way: the wait says nothing about accounts.
    for (let i = 0; i < 3; i++) await client.signIn('not-an-account@example.org', `wrong password number ${i}`);
    expect((await client.signIn('not-an-account@example.org', 'wrong password number 9')).status).toBe(429);
    // How the wait grows, and how bursts of parallel guesses are held: sign-in-throttle.test.ts.
  });

  it('limits sign-in attempts from one address, whatever the accounts', async () => {
    const client = new TestClient(rosette.baseUrl);
    let limited: Response | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await client.signIn(`someone-${i}@example.org`, 'a wrong password 123');
      if (res.status === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(await errorOf(limited!.clone())).toMatchObject({ code: 'too_many_attempts' });
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
