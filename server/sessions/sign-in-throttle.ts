import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import { signInFailuresKey } from '../../common/queue/names';
import { indexDigest } from '../secrets/token-digester';

/** Longest wait between attempts on one account, milliseconds. */
export const MAX_SIGN_IN_DELAY_MS = 15 * 60 * 1000;
/** Failures are forgotten this long after the last one, milliseconds. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * A reserved attempt whose outcome never arrived (its server died during the password check) stops
 * holding the address up after this long, milliseconds. A password check takes about 100 ms.
 */
const ABANDONED_SLOT_MS = 60 * 1000;

/**
 * The wait a number of evaluated failures imposes, in Lua, shared by both scripts: none for the first
 * `free - 1`, then 1 s after the `free`-th, doubling with each further one up to the longest.
 * ARGV[1] is the clock (ms), ARGV[2] the free failures, ARGV[3] the longest wait (ms).
 */
const DELAY_LUA = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local longest = tonumber(ARGV[3])
local function delayAfter(failures)
  if failures < free then return 0 end
  return math.min(longest, 1000 * 2 ^ math.min(failures - free, 20))
end
`;

/**
 * Reserves one password evaluation, or answers how long the address must wait (ms, 0 = reserved).
 * Reading the state and taking the slot happen in one script, so parallel requests cannot all see
 * "no wait" before any of them has failed. Past the free failures, an evaluation is only allowed while
 * no other is in flight: its outcome decides the next wait. Slots live in the hash as `slot:<id>`
 * fields whose value is when they were taken.
 * KEYS[1] the address's hash; ARGV[4] forget-after (ms), ARGV[5] abandoned-slot age (ms), ARGV[6] slot id.
 */
const RESERVE_LUA = `${DELAY_LUA}
local fields = redis.call('HGETALL', KEYS[1])
local failures, untilMs, inFlight = 0, 0, 0
for i = 1, #fields, 2 do
  local name, value = fields[i], fields[i + 1]
  if name == 'failures' then failures = tonumber(value)
  elseif name == 'until' then untilMs = tonumber(value)
  elseif string.sub(name, 1, 5) == 'slot:' then
    if tonumber(value) + tonumber(ARGV[5]) <= now then redis.call('HDEL', KEYS[1], name) else inFlight = inFlight + 1 end
  end
end
if untilMs > now then return math.floor(untilMs - now) end
local ifAllFail = delayAfter(failures + inFlight)
if inFlight > 0 and ifAllFail > 0 then return math.floor(ifAllFail) end
redis.call('HSET', KEYS[1], 'slot:' .. ARGV[6], string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0
`;

/**
 * Counts one evaluated failure and frees its slot; answers the wait it imposes (ms). The wait never
 * shortens one already set.
 * KEYS[1] the address's hash; ARGV[4] forget-after (ms), ARGV[5] slot id.
 */
const FAIL_LUA = `${DELAY_LUA}
redis.call('HDEL', KEYS[1], 'slot:' .. ARGV[5])
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local delay = delayAfter(failures)
if delay > 0 then
  local untilMs = math.max(tonumber(redis.call('HGET', KEYS[1], 'until') or '0'), now + delay)
  redis.call('HSET', KEYS[1], 'until', string.format('%d', untilMs))
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return math.floor(delay)
`;

/** ioredis command names of the two scripts (defined on the connection, run with EVALSHA). */
const RESERVE_COMMAND = 'rosetteSignInReserve';
const FAIL_COMMAND = 'rosetteSignInFail';

type ScriptCommand = (key: string, ...args: Array<string | number>) => Promise<number>;

/** The outcome of asking to check a password: a reserved slot, or the wait before the next try. */
export type SignInAttempt = { granted: true; slot: string } | { granted: false; /** Milliseconds. */ waitMs: number };

/**
 * Per-account brute-force protection: after `freeFailures` wrong passwords for one email address,
 * each further attempt must wait 1 s, then 2 s, 4 s ... up to 15 minutes. The wait grows with each
 * password actually checked and found wrong, not with each request, so a burst of parallel guesses
 * gets at most `freeFailures` checks and a 1 s wait, not the longest lock. It is keyed by the address
 * whether or not it has an account, so it behaves the same either way and tells an attacker nothing.
 * A success clears it.
 */
export class SignInThrottle {
  private readonly reserveScript: ScriptCommand;
  private readonly failScript: ScriptCommand;

  constructor(
    private readonly redis: Redis,
    private readonly freeFailures: number,
    private readonly now: () => number,
  ) {
    redis.defineCommand(RESERVE_COMMAND, { numberOfKeys: 1, lua: RESERVE_LUA });
    redis.defineCommand(FAIL_COMMAND, { numberOfKeys: 1, lua: FAIL_LUA });
    const commands = redis as unknown as Record<string, ScriptCommand>;
    this.reserveScript = commands[RESERVE_COMMAND]!.bind(redis);
    this.failScript = commands[FAIL_COMMAND]!.bind(redis);
  }

  /** Takes a slot for one password check, or answers how long this address must wait first. */
  async reserve(email: string): Promise<SignInAttempt> {
    const slot = crypto.randomBytes(9).toString('base64url');
    const waitMs = await this.reserveScript(this.key(email), this.now(), this.freeFailures, MAX_SIGN_IN_DELAY_MS, FORGET_AFTER_MS, ABANDONED_SLOT_MS, slot);
    return waitMs > 0 ? { granted: false, waitMs } : { granted: true, slot };
  }

  /** Counts a wrong password checked in `slot`; answers the wait it imposes on the next attempt, milliseconds. */
  async recordFailure(email: string, slot: string): Promise<number> {
    return this.failScript(this.key(email), this.now(), this.freeFailures, MAX_SIGN_IN_DELAY_MS, FORGET_AFTER_MS, slot);
  }

  /** Gives a slot back without counting it (the check could not be made, e.g. Redis failed). */
  async release(email: string, slot: string): Promise<void> {
    await this.redis.hdel(this.key(email), `slot:${slot}`);
  }

  /** Forgets the address's failures and slots (after a right password). */
  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string): string {
    return signInFailuresKey(indexDigest(email));
  }
}
