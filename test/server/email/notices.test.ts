import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { startTestSmtp, type TestSmtp } from '../../support/test-smtp';
import { waitFor, waitForValue } from '../../support/wait-for';
import { callJson } from '../../support/call-json';
import { sentPast503 } from '../../support/sent-past-503';

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
    // Its proof is this server's first print job.
    const sent = await sentPast503('the sign-off request', () => call(campaigner, '/api/sign-off-requests', { designId: saved.body.id, version: 1 }));
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
