import type { AccountStore } from '../accounts/account-store';
import type { Mailer } from '../email/mailer';
import type { SignOffRecord } from './sign-off-store';

export interface SignOffNoticesDeps {
  mailer: Mailer;
  accounts: AccountStore;
  /** Rosette's address as people reach it, for the links (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
}

/**
 * The sign-off emails (issue 15): a request waiting tells the organisation's other agents; a decision tells
 * the account that sent it, with the agent's comment. Each goes only to accounts of the organisation,
 * names nobody else (accounts are never named to each other), and is sent as it is decided, after the
 * move is recorded. Without SMTP nothing is sent: the agent's queue and the design's requests show it all.
 */
export class SignOffNotices {
  constructor(private readonly deps: SignOffNoticesDeps) {}

  /** A version is waiting: every active agent of the organisation but the one who sent it. */
  async requested(request: SignOffRecord, title: string, senderId: string): Promise<void> {
    const agents = (await this.deps.accounts.inOrganisation(request.orgId)).filter((a) => a.role === 'agent' && a.status === 'active' && a.id !== senderId);
    const text = [
      request.run ? `“${title}” (version ${request.version}) with its variant table is waiting for your sign-off: one approval for every version of its print run.` : `“${title}” (version ${request.version}) is waiting for your sign-off.`,
      '',
      request.run ? `See the run's combined PDF, then approve it or return it with a comment:` : `See the proof and what changed since the last approved version, then approve it or return it with a comment:`,
      this.link(request),
    ].join('\n');
    await Promise.all(agents.map((agent) => this.deps.mailer.send({ to: agent.email, subject: `Sign-off needed: “${title}”, version ${request.version}`, text })));
  }

  /** An agent approved or returned it: the account that sent it, if it is still active. */
  async decided(request: SignOffRecord, title: string, comment: string): Promise<void> {
    const sender = await this.deps.accounts.findById(request.submittedBy);
    if (!sender || sender.status !== 'active') return;
    const approved = request.status === 'approved';
    const text = [
      approved ? `Your agent approved “${title}” (version ${request.version}). It can now be shared and ordered.` : `Your agent returned “${title}” (version ${request.version}): it needs a change before it can be approved.`,
      ...(comment ? ['', `The agent's comment: ${comment}`] : []),
      '',
      this.link(request),
    ].join('\n');
    await this.deps.mailer.send({ to: sender.email, subject: `${approved ? 'Approved' : 'Returned'}: “${title}”, version ${request.version}`, text });
  }

  private link(request: SignOffRecord): string {
    return `${this.deps.publicUrl}/#/sign-off/${request.id}`;
  }
}
