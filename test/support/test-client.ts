import type { Role } from '../../common/accounts/roles';
import { checkAnswer } from './leak-watch';

/** A test account with its secrets (passwords and emails are watched for leaks: see leak-watch.ts). */
export interface TestAccount {
  id: string;
  email: string;
  password: string;
  orgId: string;
  role: Role;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Send the session's CSRF token on state-changing requests (default true). */
  csrf?: boolean;
}

/**
 * A browser as the API sees it: keeps the session cookie and the CSRF token, and checks every answer
 * for test accounts' secrets where they do not belong.
 */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  /** Who is signed in (for the leak rules); null while anonymous. */
  viewer: { email: string; admin: boolean } | null = null;

  constructor(readonly baseUrl: string) {}

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? (options.json !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.json !== undefined) headers['Content-Type'] ??= 'application/json';
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false && !['GET', 'HEAD'].includes(method)) headers['X-CSRF-Token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, { method, headers, body: options.json !== undefined ? JSON.stringify(options.json) : options.body, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    if (/json|text|html/.test(type)) {
      const text = await res.clone().text();
      checkAnswer(`${method} ${path}`, path.split('?')[0]!, text, this.viewer);
    }
    return res;
  }

  /** The same browser talking to another server instance (sessions live in the shared Redis). */
  at(baseUrl: string): TestClient {
    const other = new TestClient(baseUrl);
    Object.assign(other, { cookie: this.cookie, csrfToken: this.csrfToken, viewer: this.viewer });
    return other;
  }

  /** Signs in; keeps the cookie and CSRF token when it works. */
  async signIn(email: string, password: string): Promise<Response> {
    // The answer shows the account's own email address, which is allowed to the account itself.
    this.viewer = { email, admin: this.viewer?.admin ?? false };
    const res = await this.request('/api/session', { json: { email, password } });
    if (res.ok) await this.adoptSession(res.clone());
    return res;
  }

  /** Takes the account and CSRF token of a session answer (sign-in or invite acceptance). */
  async adoptSession(res: Response): Promise<void> {
    const body = (await res.json()) as { account: { email: string; role: string }; csrfToken: string };
    this.csrfToken = body.csrfToken;
    this.viewer = { email: body.account.email, admin: body.account.role === 'admin' };
  }
}
