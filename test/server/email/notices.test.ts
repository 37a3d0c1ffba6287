import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { startTestSmtp, type TestSmtp } from '../../support/test-smtp';
import { waitFor, waitForValue } from '../../support/wait-for';
import { callJson } from '../../support/call-json';

type Json = Record<string, any>;

/** The emails of invites and of sign-off (issue 15), read as they arrive at a real SMTP server in this process. */
let smtp: TestSmtp;
let rosette: RunningRosette;
let admin: TestClient;
let campaignerAccount: TestAccount;
let campaigner: TestClient;
let agentAccount: TestAccount;
let agent: TestClient;
let secondAgentAccount: TestAccount;
let leftAccount: TestAccount;

const PUBLIC_URL = 'https://rosette.example.org';
const call = callJson;
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = await startTestSmtp();
  rosette = await startRosette({ SMTP_URL: smtp.url, MAIL_FROM: 'Rosette <rosette@example.org>', PUBLIC_URL }, undefined, CALM);
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour', email: 'campaigner-notices@example.org' });
  campaigner = await rosette.signedIn(campaignerAccount);
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'agent-one@example.org' });
  agent = await rosette.signedIn(agentAccount);
  secondAgentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'agent-two@example.org' });
  leftAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'agent-left@example.org' });
  expect((await call(admin, `/api/admin/accounts/${leftAccount.id}/disable`, {})).status).toBe(200);
  await rosette.createAccount({ organisation: 'Hillside Greens', role: 'agent', email: 'agent-elsewhere@example.org' });
});
afterAll(async () => {
  await rosette?.close();
  await smtp?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('an invite', () => {
  it('is emailed to the invited address with its set-password link, and the admin is told so', async () => {
    const res = await call(admin, '/api/admin/accounts', { email: 'new-volunteer@example.org', organisation: 'Riverside Labour', role: 'campaigner' });
    expect(res.status).toBe(201);
    expect(res.body.invite.emailed).toBe(true);
    const mail = await smtp.mailTo('new-volunteer@example.org');
    expect(mail.subject).toBe('Your invite to Rosette (Riverside Labour)');
    expect(mail.text).toContain(`${PUBLIC_URL}${res.body.invite.path}`);
    expect(mail.text).toMatch(/UK time/);
  });

  it('is emailed again, as a new link, when an admin resets access', async () => {
    const res = await call(admin, `/api/admin/accounts/${campaignerAccount.id}/reset-access`, {});
    expect(res.body.invite.emailed).toBe(true);
    const mail = await waitForValue('the reset email', () => mailsTo(campaignerAccount.email).find((m) => m.subject === 'Set a new password for Rosette'));
    expect(mail.text).toContain(`${PUBLIC_URL}${res.body.invite.path}`);
    // Signing in again with the old password is what a reset stops; the test goes on with a fresh session.
    campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour', email: 'campaigner-notices-2@example.org' });
    campaigner = await rosette.signedIn(campaignerAccount);
  });
});

describe('sign-off', () => {
  let requestId: string;

  it('tells every active agent of the organisation that a version is waiting, with its link; nobody else', async () => {
    const template = ((await (await campaigner.request('/api/templates/a6-postcard')).json()) as { design: Json }).design;
    const saved = await call(campaigner, '/api/designs', { design: { ...withRealImprint(template), title: 'Bus leaflet' } });
    // Sent again on 503, as the screen lets the campaigner: its proof is this server's first print job, and a
    // server's first enqueue can miss the 1 s producer bound on a busy machine (a clean clone beside stress-ng
    // got 503 for 20 s). The last refusal is said if it never stops.
    let refused = '';
    const sent = await waitForValue('an answer other than 503 to a sign-off request', async () => {
      const res = await call(campaigner, '/api/sign-off-requests', { designId: saved.body.id, version: 1 });
      if (res.status === 503) refused = JSON.stringify(res.body);
      return res.status === 503 ? null : res;
    }, { timeoutMs: 60_000, everyMs: 250, detail: () => `the last 503: ${refused}` });
    requestId = sent.body.id;
    for (const address of ['agent-one@example.org', 'agent-two@example.org']) {
      const mail = await smtp.mailTo(address);
      expect(mail.subject).toBe('Sign-off needed: “Bus leaflet”, version 1');
      expect(mail.text).toContain(`${PUBLIC_URL}/#/sign-off/${requestId}`);
    }
    expect(mailsTo('agent-left@example.org')).toEqual([]);
    expect(mailsTo('agent-elsewhere@example.org')).toEqual([]);
    expect(mailsTo(campaignerAccount.email)).toEqual([]);
  });

  it("tells the sender when it is returned, with the agent's comment, and the agents when it is sent back", async () => {
    expect((await call(agent, `/api/sign-off-requests/${requestId}/return`, { comment: 'Say which routes' })).status).toBe(200);
    const returned = await smtp.mailTo(campaignerAccount.email);
    expect(returned.subject).toBe('Returned: “Bus leaflet”, version 1');
    expect(returned.text).toContain("The agent's comment: Say which routes");
    const before = mailsTo('agent-two@example.org').length;
    expect((await call(campaigner, `/api/sign-off-requests/${requestId}/resubmit`, { note: 'The routes are in the small print' })).status).toBe(200);
    await waitFor('the second request email to the other agent', () => mailsTo('agent-two@example.org').length === before + 1);
  });

  it('tells the sender when it is approved', async () => {
    expect((await call(agent, `/api/sign-off-requests/${requestId}/approve`, {})).status).toBe(200);
    const approved = await waitForValue('the approval email', () => mailsTo(campaignerAccount.email).find((m) => m.subject.startsWith('Approved')));
    expect(approved.subject).toBe('Approved: “Bus leaflet”, version 1');
    expect(approved.text).toContain(`${PUBLIC_URL}/#/sign-off/${requestId}`);
  });
});
