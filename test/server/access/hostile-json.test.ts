import fc from 'fast-check';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { listRoutes, type ListedRoute } from '../../support/route-list';
import type { TestAccount, TestClient } from '../../support/test-client';
import { patient } from '../../support/wait-for';

let rosette: RunningRosette;
let admin: TestAccount;
let signedIn: TestClient;
let routes: ListedRoute[];
/** A valid design and the paths of all its leaves, to mutate one at a time. */
let template: Record<string, unknown>;
let leafPaths: Array<Array<string | number>>;

beforeAll(async () => {
  // The fuzzer fails many sign-ins on purpose; the per-address limit is tested elsewhere.
  rosette = await startRosette({ SIGN_IN_ATTEMPTS_PER_ADDRESS: '10000' }, undefined, CALM);
  admin = await rosette.createAccount({ role: 'admin' });
  signedIn = await rosette.signedIn(admin);
  routes = listRoutes(rosette.app).filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/s/'));
  template = ((await (await fetch(`${rosette.baseUrl}/api/templates/a5-flyer`)).json()) as { design: Record<string, unknown> }).design;
  leafPaths = leaves(template);
});

function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
}

/** The template's design with the value at one path replaced (or removed). */
function mutate(pathIndex: number, replacement: unknown, remove: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const path = leafPaths[pathIndex % leafPaths.length]!;
  if (path.length === 0) return replacement;
  let parent: any = copy;
  for (const part of path.slice(0, -1)) parent = parent[part];
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}
afterAll(async () => {
  await rosette?.close();
});

/** Keys and values that have broken JSON handlers elsewhere. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'design', 'email', 'password', 'token', 'copies', 'pages', 'elements', '');
const hostileLeaf = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2, '', '\u0000', '\ud800', '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE x; --", 'a'.repeat(5000), '%00', '${7*7}', '{{7*7}}'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileLeaf, fc.array(tie('value'), { maxLength: 6 }), fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 6 })),
})).value;
/** A body: a valid design with one value made hostile, random JSON, a deeply nested one, a truncated one, or none. */
const body = fc.oneof(
  fc.tuple(fc.nat(), hostileJson, fc.boolean(), fc.integer({ min: -5, max: 200_000 })).map(([i, v, remove, copies]) => JSON.stringify({ design: mutate(i, v, remove), copies })),
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.integer({ min: 1, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 3000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  hostileJson.map((v) => (JSON.stringify(v) ?? '').slice(0, -1)),
  fc.constant(''),
);
/** A route parameter: a plausible id, or anything at all. */
const param = fc.oneof(fc.stringMatching(/^[a-f0-9]{32}$/), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string({ maxLength: 80 }), fc.constantFrom('..', '%2e%2e', 'a5-flyer', 'a'.repeat(300)));

/**
 * Requests each route gets, whatever the machine's speed: a fixed number, so a slow machine checks as
 * much as a fast one (and a run that takes longer fails on the test's timeout instead of passing early).
 */
const RUNS_PER_ROUTE = 40;

describe('random and hostile JSON at every API route', () => {
  it(`never gets a 5xx, never hangs, never stops the server (${RUNS_PER_ROUTE} requests per route)`, async () => {
    expect(routes.length).toBeGreaterThan(0);
    let sent = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(param, body, fc.boolean(), fc.boolean(), async (value, text, withSession, withCsrf) => {
          const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(value));
          const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
          if (withSession && signedIn.cookie) headers.Cookie = signedIn.cookie;
          if (withSession && withCsrf && signedIn.csrfToken) headers['X-CSRF-Token'] = signedIn.csrfToken;
          const hasBody = !['GET', 'HEAD'].includes(route.method);
          const res = await fetch(rosette.baseUrl + path, { method: route.method, headers, body: hasBody ? text : undefined, signal: AbortSignal.timeout(patient(5000)) });
          await res.arrayBuffer();
          sent += 1;
          if (res.status >= 500) throw new Error(`${route.method} ${path} answered ${res.status} to ${text.slice(0, 200)}`);
          // The fuzzer may sign itself out (DELETE /api/session): sign in again for the next runs.
          if (res.status === 401 && withSession) signedIn = await rosette.signedIn(admin);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(sent).toBe(routes.length * RUNS_PER_ROUTE);
    expect((await fetch(rosette.baseUrl + '/healthz')).status).toBe(200);
  }, patient(120_000));
});
