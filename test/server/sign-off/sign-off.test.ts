import { PROOF_MARK } from '../../../common/queue/print-job';
import { SIGN_OFF_STATUSES, SIGN_OFF_TRANSITIONS, type SignOffStatus } from '../../../common/sign-off/sign-off-workflow';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { waitForValue } from '../../support/wait-for';
import { callJson } from '../../support/call-json';
import { sentPast503 } from '../../support/sent-past-503';

type Json = Record<string, any>;

let rosette: RunningRosette;
let campaignerAccount: TestAccount;
let campaigner: TestClient;
let agentAccount: TestAccount;
let agent: TestClient;
let secondAgent: TestClient;
let outsider: TestClient;
let outsiderAgent: TestClient;
let admin: TestClient;
let template: Json;

const call = callJson;
/** Saves a new design (version 1) for the client's organisation and answers its id. */
const saveDesign = async (client: TestClient, title: string) => {
  const { status, body } = await call(client, '/api/designs', { design: { ...withRealImprint(template), title } });
  expect(status).toBe(201);
  return body.id as string;
};
/** Saves a new version with the heading's words changed; answers the version number. */
const editDesign = async (client: TestClient, id: string, heading: string) => {
  const { body } = await call(client, `/api/designs/${id}`);
  const design = body.design as Json;
  design.pages[0].elements.find((e: Json) => e.kind === 'heading').text = heading;
  const saved = await call(client, `/api/designs/${id}`, { design }, 'PUT');
  expect(saved.status).toBe(200);
  return saved.body.version as number;
};
/**
 * Sends a version for sign-off. A 503 (the proof's print queue did not answer within a second, as on a
 * machine saturated by other work) is sent again, as the editor does after Retry-After: nothing was
 * recorded, and the same proof job id makes the retry find a job that landed late.
 */
const submit = (client: TestClient, designId: string, version: number, note?: string) =>
  sentPast503('the sign-off request', () => call(client, '/api/sign-off-requests', { designId, version, ...(note !== undefined && { note }) }));
const decide = (client: TestClient, id: string, verb: 'approve' | 'return' | 'resubmit', body: unknown = {}) => call(client, `/api/sign-off-requests/${id}/${verb}`, body);
const audit = async () => (await call(admin, '/api/admin/audit')).body.entries as Array<{ action: string; actorId: string; targetId: string; details: Json | null }>;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  campaigner = await rosette.signedIn(campaignerAccount);
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  agent = await rosette.signedIn(agentAccount);
  secondAgent = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' }));
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  outsiderAgent = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens', role: 'agent' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  template = ((await (await campaigner.request('/api/templates/a6-postcard')).json()) as { design: Json }).design;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('the agent role', () => {
  it('is given by an admin, audited, and taken effect at once', async () => {
    const made = await call(admin, `/api/admin/accounts/${agentAccount.id}/role`, { role: 'agent' });
    expect(made.status).toBe(200);
    expect(made.body.account).toMatchObject({ id: agentAccount.id, role: 'agent' });
    expect((await call(agent, '/api/session')).body.account.role).toBe('agent');
    expect((await audit())[0]).toMatchObject({ action: 'account.role-changed', targetId: agentAccount.id, details: { from: 'campaigner', to: 'agent' } });
  });

  it('refuses a bad role naming the field, an admin target, a campaigner asking, and an unknown account', async () => {
    const bad = await call(admin, `/api/admin/accounts/${agentAccount.id}/role`, { role: 'boss' });
    expect([bad.status, bad.body.error.code, bad.body.error.fields[0].path]).toEqual([400, 'invalid_request', 'role']);
    const promote = await call(admin, `/api/admin/accounts/${agentAccount.id}/role`, { role: 'admin' });
    expect([promote.status, promote.body.error.fields[0].path]).toEqual([400, 'role']);
    const adminId = (await call(admin, '/api/session')).body.account.id as string;
    const other = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
    expect((await call(admin, `/api/admin/accounts/${other.id}/role`, { role: 'agent' })).body.error.code).toBe('admin_role');
    expect((await call(admin, `/api/admin/accounts/${adminId}/role`, { role: 'agent' })).body.error.code).toBe('own_account');
    expect((await call(campaigner, `/api/admin/accounts/${campaignerAccount.id}/role`, { role: 'agent' })).status).toBe(403);
    expect((await call(admin, `/api/admin/accounts/${'0'.repeat(32)}/role`, { role: 'agent' })).status).toBe(404);
  });
});

describe('sending a frozen version for sign-off', () => {
  let designId: string;
  let requestId: string;

  beforeAll(async () => {
    designId = await saveDesign(campaigner, 'Bus leaflet');
  });

  it('names the bad field (400), and a design of another organisation or no such version is not found (404)', async () => {
    for (const [body, path] of [
      [{ version: 1 }, 'designId'],
      [{ designId: 'nope', version: 1 }, 'designId'],
      [{ designId, version: 0 }, 'version'],
      [{ designId, version: '1' }, 'version'],
      [{ designId, version: 1, note: 'x'.repeat(2001) }, 'note'],
    ] as const) {
      const res = await call(campaigner, '/api/sign-off-requests', body);
      expect([res.status, res.body.error.code, res.body.error.fields[0].path]).toEqual([400, 'invalid_request', path]);
    }
    expect((await submit(campaigner, designId, 9)).status).toBe(404);
    expect((await submit(outsider, designId, 1)).status).toBe(404);
  });

  it('records it as pending, queues a proof marked on every page, and shows it in the agents\' queue', async () => {
    const sent = await submit(campaigner, designId, 1, 'First go');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ designId, version: 1, title: 'Bus leaflet', status: 'pending', sentByYou: true, proofJobId: expect.stringMatching(/^[a-f0-9]{32}$/) });
    requestId = sent.body.id;

    const proof = await waitForJob(agent, `/api/print-jobs/${sent.body.proofJobId}`);
    expect(proof).toMatchObject({ status: 'done', proof: true });
    const pdf = Buffer.from(await (await agent.request(proof.download.url)).arrayBuffer());
    const facts = await readPdf(pdf);
    expect(facts.text.split('\f').filter((p) => p.trim()).every((page) => page.includes(PROOF_MARK))).toBe(true);

    const queue = await call(agent, '/api/sign-off-requests?status=pending');
    expect(queue.body.requests.map((r: Json) => [r.id, r.sentByYou])).toEqual([[requestId, false]]);
    const detail = await call(agent, `/api/sign-off-requests/${requestId}`);
    expect(detail.body).toMatchObject({ status: 'pending', approvedVersion: null, diff: null, design: { title: 'Bus leaflet' } });
    expect(detail.body.history).toEqual([{ from: null, to: 'pending', at: expect.any(String), byRole: 'campaigner', byYou: false, comment: 'First go' }]);
    expect((await call(agent, '/api/sign-off-requests?status=sent')).body.error.fields[0].path).toBe('status');
  });

  it('is decided only by an agent: a campaigner gets 403 agent_only', async () => {
    const res = await decide(campaigner, requestId, 'approve');
    expect([res.status, res.body.error.code]).toEqual([403, 'agent_only']);
  });

  it('is returned only with a comment naming what to change (400 naming comment)', async () => {
    const bare = await decide(agent, requestId, 'return', { comment: '  ' });
    expect([bare.status, bare.body.error.fields[0].path]).toEqual([400, 'comment']);
    const notText = await decide(agent, requestId, 'return', { comment: 5 });
    expect([notText.status, notText.body.error.fields[0].path]).toEqual([400, 'comment']);
    const returned = await decide(agent, requestId, 'return', { comment: 'Say which routes' });
    expect(returned.body).toMatchObject({ status: 'returned' });
    expect((await call(campaigner, `/api/sign-off-requests/${requestId}`)).body.history.at(-1)).toMatchObject({ from: 'pending', to: 'returned', byRole: 'agent', byYou: false, comment: 'Say which routes' });
  });

  it('after an edit, sends the new version, supersedes the returned one and shows the agent what changed', async () => {
    const version = await editDesign(campaigner, designId, 'A bus every ten minutes on routes 4 and 7');
    const sent = await submit(campaigner, designId, version);
    expect(sent.body.status).toBe('pending');
    expect((await call(campaigner, `/api/sign-off-requests/${requestId}`)).body.status).toBe('superseded');
    const approved = await decide(agent, sent.body.id, 'approve', { comment: 'Good to go' });
    expect(approved.body.status).toBe('approved');

    const third = await editDesign(campaigner, designId, 'A bus every five minutes on routes 4 and 7');
    const next = await submit(campaigner, designId, third);
    const detail = await call(agent, `/api/sign-off-requests/${next.body.id}`);
    expect(detail.body.approvedVersion).toBe(version);
    expect(detail.body.diff.elements).toEqual([expect.objectContaining({ change: 'text', kind: 'heading', before: 'A bus every ten minutes on routes 4 and 7', after: 'A bus every five minutes on routes 4 and 7' })]);
    expect(detail.body.diff.imprint).toEqual([]);
  });

  it('audits every move with who and which request, never the comment', async () => {
    const entries = (await audit()).filter((e) => e.action.startsWith('sign-off.') && e.targetId === requestId);
    expect(entries.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ['sign-off.superseded', campaignerAccount.id, { from: 'returned', to: 'superseded' }],
      ['sign-off.returned', agentAccount.id, { from: 'pending', to: 'returned' }],
      ['sign-off.submitted', campaignerAccount.id, { from: null, to: 'pending' }],
    ]);
    expect(JSON.stringify(await audit())).not.toContain('Say which routes');
  });
});

describe('every edge of the workflow, through the API', () => {
  /** A pending request of a fresh design; `sentBy` sends it. */
  const pending = async (sentBy: TestClient = campaigner) => {
    const designId = await saveDesign(campaigner, `Edge ${Math.random().toString(36).slice(2, 8)}`);
    const { body } = await submit(sentBy, designId, 1);
    return { designId, id: body.id as string };
  };
  /** Drives a request to a status by allowed moves only. */
  const reach = async (status: SignOffStatus) => {
    const r = await pending();
    if (status === 'approved') await decide(agent, r.id, 'approve');
    if (status === 'returned') await decide(agent, r.id, 'return', { comment: 'No' });
    if (status === 'superseded') await submit(campaigner, r.designId, await editDesign(campaigner, r.designId, 'Changed words'));
    expect((await call(campaigner, `/api/sign-off-requests/${r.id}`)).body.status).toBe(status);
    return r;
  };
  /** Tries one move; answers the response. */
  const attempt = async (r: { designId: string; id: string }, to: SignOffStatus) => {
    if (to === 'approved') return decide(agent, r.id, 'approve');
    if (to === 'returned') return decide(agent, r.id, 'return', { comment: 'Again' });
    if (to === 'pending') return decide(campaigner, r.id, 'resubmit', { note: 'As it was' });
    return submit(campaigner, r.designId, await editDesign(campaigner, r.designId, `Words ${Math.random()}`));
  };

  for (const from of SIGN_OFF_STATUSES) {
    for (const to of SIGN_OFF_STATUSES) {
      if (from === to) continue;
      const allowed = SIGN_OFF_TRANSITIONS[from].includes(to);
      const refusal = to === 'superseded' ? 'leaves it as it is when a newer version is sent:' : 'refuses (409 illegal_transition)';
      it(`${allowed ? 'allows' : refusal} ${from} -> ${to}`, async () => {
        const r = await reach(from);
        const res = await attempt(r, to);
        const now = (await call(campaigner, `/api/sign-off-requests/${r.id}`)).body;
        if (allowed) {
          expect(res.status).toBeLessThan(300);
          expect(now.status).toBe(to);
          expect(now.history.at(-1)).toMatchObject({ from, to });
        } else {
          // A new version supersedes only open requests; the old one keeps its status.
          if (to === 'superseded') expect(res.status).toBeLessThan(300);
          else expect([res.status, res.body.error.code]).toEqual([409, 'illegal_transition']);
          expect(now.status).toBe(from);
        }
      });
    }
  }

  it('refuses sending an approved or waiting version again (409 already_sent) and lets a returned one go back as it is', async () => {
    const r = await reach('approved');
    expect((await submit(campaigner, r.designId, 1)).body.error.code).toBe('already_sent');
    const p = await pending();
    expect((await submit(campaigner, p.designId, 1)).body.error.code).toBe('already_sent');
    const back = await reach('returned');
    const again = await submit(campaigner, back.designId, 1, 'Nothing to change: the routes are in the small print');
    expect([again.status, again.body.status, again.body.id]).toEqual([200, 'pending', back.id]);
  });

  it('never lets an agent decide on a request they sent: another agent must (403 own_request)', async () => {
    const own = await pending(agent);
    const res = await decide(agent, own.id, 'approve');
    expect([res.status, res.body.error.code]).toEqual([403, 'own_request']);
    expect((await decide(secondAgent, own.id, 'approve')).body.status).toBe('approved');
  });
});

describe('when an agent is disabled', () => {
  it('keeps their decisions, comments and audit entries, and leaves requests still waiting to the other agents', async () => {
    const leavingAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' });
    const leaving = await rosette.signedIn(leavingAccount);
    const approvedId = (await submit(campaigner, await saveDesign(campaigner, 'Approved before leaving'), 1)).body.id as string;
    const returnedId = (await submit(campaigner, await saveDesign(campaigner, 'Returned before leaving'), 1)).body.id as string;
    const waitingId = (await submit(campaigner, await saveDesign(campaigner, 'Still waiting'), 1)).body.id as string;
    expect((await decide(leaving, approvedId, 'approve')).body.status).toBe('approved');
    expect((await decide(leaving, returnedId, 'return', { comment: 'The date on the front is wrong' })).body.status).toBe('returned');

    expect((await call(admin, `/api/admin/accounts/${leavingAccount.id}/disable`, {})).status).toBe(200);
    expect((await call(leaving, '/api/sign-off-requests')).status).toBe(401);

    const approved = (await call(campaigner, `/api/sign-off-requests/${approvedId}`)).body;
    expect(approved.status).toBe('approved');
    expect(approved.history.at(-1)).toMatchObject({ from: 'pending', to: 'approved', byRole: 'agent', byYou: false });
    const returned = (await call(campaigner, `/api/sign-off-requests/${returnedId}`)).body;
    expect(returned.history.at(-1)).toMatchObject({ to: 'returned', byRole: 'agent', comment: 'The date on the front is wrong' });
    const decisions = (await audit()).filter((e) => e.actorId === leavingAccount.id && e.action.startsWith('sign-off.'));
    expect(decisions.map((e) => e.targetId).sort()).toEqual([approvedId, returnedId].sort());
    // The request nobody decided is still in the other agents' queue, and they can decide it.
    expect((await call(secondAgent, '/api/sign-off-requests')).body.requests.map((r: Json) => r.id)).toContain(waitingId);
    expect((await decide(secondAgent, waitingId, 'approve')).body.status).toBe('approved');
  });
});

describe('across organisations', () => {
  it("shows nothing of another organisation's requests (404, empty list), even to its agent", async () => {
    const designId = await saveDesign(campaigner, 'Private leaflet');
    const { body } = await submit(campaigner, designId, 1);
    expect((await call(outsiderAgent, `/api/sign-off-requests/${body.id}`)).status).toBe(404);
    expect((await decide(outsiderAgent, body.id, 'approve')).status).toBe(404);
    expect((await decide(outsider, body.id, 'resubmit')).status).toBe(404);
    expect((await call(outsiderAgent, '/api/sign-off-requests')).body.requests).toEqual([]);
    expect((await call(campaigner, '/api/sign-off-requests/not-an-id')).status).toBe(404);
  });
});

describe("the organisation's sign-off setting and share links", () => {
  const setting = (orgId: string) => `/api/organisations/${orgId}/sign-off`;
  const printAndWait = async (design: Json, proof = false) => {
    const accepted = await call(campaigner, '/api/print-jobs', { design, proof, confirm: { unchangedTemplateText: true } });
    expect(accepted.status).toBe(202);
    return waitForJob(campaigner, accepted.body.statusUrl);
  };
  const share = (jobId: string) => call(campaigner, `/api/print-jobs/${jobId}/share-links`, {});

  it('is off until an agent turns it on; campaigners cannot, bad input names the field, other organisations get 404', async () => {
    const orgId = campaignerAccount.orgId;
    expect((await call(campaigner, setting(orgId))).body).toEqual({ required: false });
    expect((await call(campaigner, setting(orgId), { required: true }, 'PUT')).body.error.code).toBe('agent_only');
    const bad = await call(agent, setting(orgId), { required: 'yes' }, 'PUT');
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'required']);
    expect((await call(outsiderAgent, setting(orgId), { required: false }, 'PUT')).status).toBe(404);
    expect((await call(outsider, setting(orgId))).status).toBe(404);
    expect((await call(agent, setting(orgId), { required: true }, 'PUT')).body).toEqual({ required: true });
    expect((await audit())[0]).toMatchObject({ action: 'organisation.sign-off-required', actorId: agentAccount.id, targetId: orgId });
  });

  it('refuses a share link of an unapproved version (422 sign_off_required) and allows it once approved', async () => {
    const designId = await saveDesign(campaigner, 'Share me');
    const saved = (await call(campaigner, `/api/designs/${designId}`)).body;
    const job = await printAndWait(saved.design);
    const refused = await share(job.id);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'sign_off_required']);
    expect(refused.body.error.message).toMatch(/requires sign-off/);

    const sent = await submit(campaigner, designId, 1);
    await decide(agent, sent.body.id, 'approve');
    expect((await share(job.id)).status).toBe(201);

    // Any edit is a new version, which needs sign-off again before its print is shared.
    await editDesign(campaigner, designId, 'Edited after approval');
    const edited = await printAndWait((await call(campaigner, `/api/designs/${designId}`)).body.design);
    expect((await share(edited.id)).body.error.code).toBe('sign_off_required');
  });

  it('never shares a proof, whose PDF and job differ from the final one', async () => {
    const designId = await saveDesign(campaigner, 'Proof only');
    const design = (await call(campaigner, `/api/designs/${designId}`)).body.design;
    const proof = await printAndWait(design, true);
    const final = await printAndWait(design);
    expect(proof.id).not.toBe(final.id);
    expect(proof.download.url).not.toBe(final.download.url);
    expect([proof.proof, final.proof]).toEqual([true, false]);
    const refused = await share(proof.id);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'proof_not_shareable']);
    // The organisation's print history names it as a proof.
    const history = await waitForValue('the proof in the print history', async () => {
      const jobs = (await call(campaigner, '/api/print-history')).body.printJobs as Json[];
      const found = jobs.find((j) => j.id === proof.id);
      return found?.status === 'done' ? jobs : null;
    });
    expect(history.find((j) => j.id === proof.id)!.title).toBe(`${PROOF_MARK}: Proof only`);
    expect(history.find((j) => j.id === final.id)!.title).toBe('Proof only');
  });
});
