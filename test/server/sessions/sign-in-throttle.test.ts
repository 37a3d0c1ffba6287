import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { TestClient, type TestAccount } from '../../support/test-client';

/**
 * The per-account sign-in throttle against the real app and a real Redis. The server's clock is the
 * test's: it stands still unless a test moves it, so every wait is exact and nothing sleeps.
 */
const FREE_FAILURES = 5;
let clock = Date.parse('2026-03-02T09:00:00Z');
let rosette: RunningRosette;

beforeAll(async () => {
  // The per-network-address limit is set out of reach: this file is about the per-account one.
  rosette = await startRosette({ SIGN_IN_ATTEMPTS_PER_ADDRESS: '10000', SIGN_IN_FREE_FAILURES: String(FREE_FAILURES) }, undefined, { ...CALM, now: () => clock });
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

/** One sign-in from a fresh browser: its status and Retry-After (seconds, or null). */
async function attempt(email: string, password: string): Promise<{ status: number; retryAfter: number | null }> {
  const res = await new TestClient(rosette.baseUrl).signIn(email, password);
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, retryAfter: retryAfter === null ? null : Number(retryAfter) };
}

/** Sends all the sign-ins at once; answers their outcomes in the order given. */
function burst(email: string, passwords: string[]) {
  return Promise.all(passwords.map((p) => attempt(email, p)));
}

const wrongGuesses = (n: number) => Array.from({ length: n }, (_, i) => `wrong guess number ${i}`);
const count = (outcomes: Array<{ status: number }>, status: number) => outcomes.filter((o) => o.status === status).length;

describe('when many guesses for one account arrive at once', () => {
  let target: TestAccount;
  beforeEach(async () => {
    target = await rosette.createAccount();
  });

  it('checks at most SIGN_IN_FREE_FAILURES passwords and refuses the rest with 429 and Retry-After, the right one included', async () => {
    const outcomes = await burst(target.email, [...wrongGuesses(14), target.password]);
    const evaluated = count(outcomes, 401) + count(outcomes, 200);
    expect(evaluated).toBeLessThanOrEqual(FREE_FAILURES);
    expect(count(outcomes, 429)).toBe(outcomes.length - evaluated);
    for (const refused of outcomes.filter((o) => o.status === 429)) expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('imposes the shortest wait after the burst, not the longest lock, and the right password works once it is over', async () => {
    const outcomes = await burst(target.email, wrongGuesses(20));
    expect(count(outcomes, 401)).toBe(FREE_FAILURES);
    expect(count(outcomes, 429)).toBe(20 - FREE_FAILURES);
    expect(outcomes.filter((o) => o.status === 429).map((o) => o.retryAfter)).toEqual(Array(20 - FREE_FAILURES).fill(1));
    expect(await attempt(target.email, target.password)).toEqual({ status: 429, retryAfter: 1 });
    clock += 1000;
    expect(await attempt(target.email, target.password)).toEqual({ status: 200, retryAfter: null });
  });

  it('lets one guess through after each wait, so a burst then adds one failure, not one per request', async () => {
    await burst(target.email, wrongGuesses(FREE_FAILURES));
    clock += 1000;
    const second = await burst(target.email, wrongGuesses(10));
    expect(count(second, 401)).toBe(1);
    expect(await attempt(target.email, target.password)).toEqual({ status: 429, retryAfter: 2 });
    clock += 2000;
    const third = await burst(target.email, wrongGuesses(10));
    expect(count(third, 401)).toBe(1);
    expect(await attempt(target.email, target.password)).toEqual({ status: 429, retryAfter: 4 });
  });
});

describe('when guesses arrive one after another', () => {
  it('checks SIGN_IN_FREE_FAILURES wrong passwords, then waits 1 s, 2 s, 4 s between further checks', async () => {
    const target = await rosette.createAccount();
    for (let i = 0; i < FREE_FAILURES; i++) expect((await attempt(target.email, `wrong guess ${i}`)).status).toBe(401);
    const waits: Array<number | null> = [];
    for (let i = 0; i < 3; i++) {
      const held = await attempt(target.email, `another wrong guess ${i}`);
      expect(held.status).toBe(429);
      waits.push(held.retryAfter);
      clock += held.retryAfter! * 1000;
      expect((await attempt(target.email, `another wrong guess ${i}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
  });
});

describe('when a server dies while it checks a password', () => {
  it('stops holding the address up a minute after the slot was taken', async () => {
    const target = await rosette.createAccount();
    const throttle = rosette.accounts.throttle;
    // Five checks start and none of them reports back.
    for (let i = 0; i < FREE_FAILURES; i++) expect((await throttle.reserve(target.email)).granted).toBe(true);
    expect(await throttle.reserve(target.email)).toEqual({ granted: false, waitMs: 1000 });
    clock += 60_000;
    expect(await attempt(target.email, target.password)).toEqual({ status: 200, retryAfter: null });
  });
});
