import { randomBytes } from 'node:crypto';
import { passwordProblem } from '../../common/accounts/password-policy';

/** A signed-in browser: its session cookie (`name=value`) and the CSRF token its page would send back. */
export interface DrillSession {
  cookie: string;
  csrfToken: string;
}

/** The first admin the drill's servers create at start-up (FIRST_ADMIN_*). */
export interface DrillAdmin {
  email: string;
  password: string;
  organisation: string;
}

/** A strong random password, as the password policy wants it. */
export function drillPassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (!passwordProblem(candidate)) return candidate;
  }
}

export function drillAdmin(): DrillAdmin {
  return { email: 'drill-admin@example.org', password: drillPassword(), organisation: 'Drill campaign' };
}

/**
 * Campaigners who can send print jobs: signs the first admin in, invites `count` campaigners into the
 * admin's organisation and accepts each invite (which sets a password and signs the campaigner in),
 * through the public API like a browser. Returns no sessions when the server has no accounts
 * (POST /api/session answers 404): print jobs are then sent anonymously.
 */
export async function campaignerSessions(serverUrl: string, admin: DrillAdmin, count: number, tag: string): Promise<DrillSession[]> {
  const adminRes = await post(`${serverUrl}/api/session`, { email: admin.email, password: admin.password });
  if (adminRes.status === 404) return [];
  const adminSession = await sessionOf(adminRes, 'the admin could not sign in');
  const sessions: DrillSession[] = [];
  for (let i = 1; i <= count; i++) {
    const invited = await post(`${serverUrl}/api/admin/accounts`, { email: `campaigner-${tag}-${i}@example.org`, organisation: admin.organisation, role: 'campaigner' }, adminSession);
    if (invited.status !== 201) throw new Error(`inviting a campaigner answered ${invited.status}: ${await invited.text()}`);
    const path = ((await invited.json()) as { invite: { path: string } }).invite.path;
    const token = path.slice(path.lastIndexOf('/') + 1);
    const accepted = await post(`${serverUrl}/api/invites/accept`, { token, password: drillPassword() });
    sessions.push(await sessionOf(accepted, 'a campaigner could not accept the invite'));
  }
  return sessions;
}

/** Signs in through the public API, as the sign-in page does. */
export async function signIn(serverUrl: string, email: string, password: string): Promise<DrillSession> {
  return sessionOf(await post(`${serverUrl}/api/session`, { email, password }), `${email} could not sign in`);
}

/** The headers a signed-in page sends with a state-changing request. */
export function sessionHeaders(session: DrillSession | undefined): Record<string, string> {
  return session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
}

function post(url: string, body: unknown, session?: DrillSession): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...sessionHeaders(session) }, body: JSON.stringify(body) });
}

async function sessionOf(res: Response, what: string): Promise<DrillSession> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken?: string };
  if (!cookie || !csrfToken) throw new Error(`${what}: no session cookie or CSRF token in the answer`);
  return { cookie, csrfToken };
}
