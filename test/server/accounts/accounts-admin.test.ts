import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks, watchAccount } from '../../support/leak-watch';
import { TestClient, type TestAccount } from '../../support/test-client';

let rosette: RunningRosette;
let admin: TestAccount;
let adminClient: TestClient;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  admin = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
  adminClient = await rosette.signedIn(admin);
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

const NEW_PASSWORD = 'correct horse battery staple 42';
const tokenOf = (invite: { path: string }) => invite.path.replace('/#/invite/', '');

async function invite(email: string, organisation = 'Hillside Greens') {
  watchAccount({ email, password: NEW_PASSWORD });
  const res = await adminClient.request('/api/admin/accounts', { json: { email, organisation } });
  expect(res.status).toBe(201);
  return (await res.json()) as { account: { id: string; status: string; organisation: string; role: string }; invite: { path: string; expiresAt: string } };
}

async function accept(token: string, password = NEW_PASSWORD, email?: string) {
  const client = new TestClient(rosette.baseUrl);
  if (email) client.viewer = { email, admin: false };
  const res = await client.request('/api/invites/accept', { json: { token, password } });
  if (res.ok) await client.adoptSession(res.clone());
  return { client, res };
}

describe('inviting a campaigner', () => {
  it('makes an invited account and a one-time link whose token is in the fragment', async () => {
    const { account, invite: link } = await invite('new.campaigner@example.org');
    expect(account).toMatchObject({ status: 'invited', organisation: 'Hillside Greens', role: 'campaigner' });
    expect(link.path).toMatch(/^\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    // Not signable-in until the invite is accepted.
    expect((await new TestClient(rosette.baseUrl).signIn('new.campaigner@example.org', NEW_PASSWORD)).status).toBe(401);

    // A weak password is refused, and the link still works afterwards.
    const weak = await accept(tokenOf(link), 'password1234');
    expect(weak.res.status).toBe(400);
    const { client, res } = await accept(tokenOf(link), NEW_PASSWORD, 'new.campaigner@example.org');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(((await (await client.request('/api/session')).json()) as { account: { status: string } }).account.status).toBe('active');

    // Used once: never again.
    expect((await accept(tokenOf(link))).res.status).toBe(404);
    expect((await new TestClient(rosette.baseUrl).signIn('new.campaigner@example.org', NEW_PASSWORD)).status).toBe(200);
  });

  // Each of these passed the old policy in the penetration test of issue 12.
  it.each(['1qaz2wsx3edc', 'football2024', 'Liverpool123', 'labour2024!!', 'trustno1trustno1'])('refuses the guessable password %j, naming the password field, and keeps the link working', async (password) => {
    const { invite: link } = await invite(`guessable.${password.length}.${password.charCodeAt(0)}@example.org`);
    const { res } = await accept(tokenOf(link), password);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.fields).toEqual([{ path: 'password', message: expect.stringMatching(/^must be harder to guess/) }]);
    expect(body.error.message).toMatch(/^the password must be harder to guess/);
  });

  it('refuses a password built on a short email address or on the organisation', async () => {
    const { invite: short } = await invite('al@example.org', 'Hillside Greens');
    const onAddress = await accept(tokenOf(short), 'al@example.org-2024');
    expect(onAddress.res.status).toBe(400);
    expect(((await onAddress.res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('password');
    const onOrganisation = await accept(tokenOf(short), 'HillsideGreens2025!');
    expect(((await onOrganisation.res.json()) as { error: { message: string } }).error.message).toBe('the password must not be built on your email address or organisation name');
  });

  it('refuses an expired invite, in the same words as an unknown one', async () => {
    const { invite: link } = await invite('late.campaigner@example.org');
    // Time passes (72 hours by default): the invite's expiry is in the past.
    await rosette.db.updateTable('invites').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    const expired = await accept(tokenOf(link));
    const unknown = await accept('x'.repeat(43));
    expect(expired.res.status).toBe(404);
    const [a, b] = [await expired.res.json(), await unknown.res.json()];
    expect(a).toEqual(b);
    expect((a as { error: { code: string } }).error.code).toBe('invite_not_valid');
  });

  it('refuses a second account for the same address (told to the admin only)', async () => {
    const res = await adminClient.request('/api/admin/accounts', { json: { email: 'NEW.Campaigner@example.org ', organisation: 'Other' } });
    expect(res.status).toBe(409);
  });

  it('keeps the accounts API to admins', async () => {
    const campaigner = await rosette.signedIn(await rosette.createAccount());
    expect((await campaigner.request('/api/admin/accounts')).status).toBe(403);
    expect((await campaigner.request('/api/admin/accounts', { json: { email: 'x@example.org', organisation: 'X' } })).status).toBe(403);
    expect((await new TestClient(rosette.baseUrl).request('/api/admin/accounts')).status).toBe(401);
  });
});

describe('disabling an account', () => {
  it('ends its sessions at once and stops it signing in again', async () => {
    const target = await rosette.createAccount();
    const one = await rosette.signedIn(target);
    const two = await rosette.signedIn(target);
    const res = await adminClient.request(`/api/admin/accounts/${target.id}/disable`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { account: { status: string } }).account.status).toBe('disabled');
    expect((await one.request('/api/designs')).status).toBe(401);
    expect((await two.request('/api/designs')).status).toBe(401);
    expect((await new TestClient(rosette.baseUrl).signIn(target.email, target.password)).status).toBe(401);
  });

  it('will not let an admin disable their own account', async () => {
    expect((await adminClient.request(`/api/admin/accounts/${admin.id}/disable`, { method: 'POST' })).status).toBe(409);
  });
});

describe('resetting access', () => {
  it('forgets the password, ends the sessions and gives a new invite link', async () => {
    const target = await rosette.createAccount();
    const session = await rosette.signedIn(target);
    const res = await adminClient.request(`/api/admin/accounts/${target.id}/reset-access`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { account: { status: string }; invite: { path: string } };
    expect(body.account.status).toBe('invited');
    expect((await session.request('/api/designs')).status).toBe(401);
    expect((await new TestClient(rosette.baseUrl).signIn(target.email, target.password)).status).toBe(401);
    watchAccount({ email: target.email, password: NEW_PASSWORD });
    expect((await accept(tokenOf(body.invite), NEW_PASSWORD, target.email)).res.status).toBe(200);
    expect((await new TestClient(rosette.baseUrl).signIn(target.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('makes an earlier invite link useless', async () => {
    const { account, invite: first } = await invite('twice.invited@example.org');
    const reset = (await (await adminClient.request(`/api/admin/accounts/${account.id}/reset-access`, { method: 'POST' })).json()) as { invite: { path: string } };
    expect((await accept(tokenOf(first))).res.status).toBe(404);
    expect((await accept(tokenOf(reset.invite), NEW_PASSWORD, 'twice.invited@example.org')).res.status).toBe(200);
  });
});

describe('the accounts page and audit log', () => {
  it('lists accounts field by field, and records who did what by id only', async () => {
    const list = (await (await adminClient.request('/api/admin/accounts')).json()) as { accounts: Array<Record<string, unknown>> };
    expect(list.accounts.length).toBeGreaterThan(3);
    for (const a of list.accounts) expect(Object.keys(a).sort()).toEqual(['createdAt', 'email', 'id', 'organisation', 'organisationId', 'role', 'status']);
    const audit = (await (await adminClient.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; actorId: string | null }> };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['account.invited', 'account.activated', 'account.disabled', 'account.access-reset']));
    expect(JSON.stringify(audit)).not.toMatch(/@/);
  });
});
