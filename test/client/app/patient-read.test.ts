import { ApiError } from '../../../client/src/api/api-error';
import { patientRead } from '../../../client/src/api/patient-read';

/** A read that fails with each of `failures` in turn, then answers 'printers'. */
function readFailing(...failures: Error[]) {
  const calls = { count: 0 };
  const read = async () => {
    const failure = failures[calls.count++];
    if (failure) throw failure;
    return 'printers';
  };
  return { read, calls };
}

describe('a one-off read that meets a busy moment', () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(() => (waits.length = 0));

  it('reads again after a 503, a 429 and a lost connection, waiting longer each time and never before Retry-After', async () => {
    const { read, calls } = readFailing(new ApiError(503, 'overloaded', 'busy', [], 7), new ApiError(429, 'rate_limited', 'slow down'), new ApiError(0, 'network', 'unreachable'));
    await expect(patientRead(read, 4, sleep)).resolves.toBe('printers');
    expect(calls.count).toBe(4);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(7000);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
    expect(waits[2]).toBeGreaterThanOrEqual(4000);
  });

  it('gives up after its attempts, throwing the last failure', async () => {
    const last = new ApiError(503, 'maintenance', 'closed');
    const { read, calls } = readFailing(new ApiError(503, 'overloaded', 'busy'), last);
    await expect(patientRead(read, 2, sleep)).rejects.toBe(last);
    expect(calls.count).toBe(2);
  });

  it('never reads again after a refusal, or an error that is not an answer of the API', async () => {
    const refusal = new ApiError(404, 'not_found', 'no such run');
    const first = readFailing(refusal);
    await expect(patientRead(first.read, 4, sleep)).rejects.toBe(refusal);
    expect(first.calls.count).toBe(1);
    const bug = new TypeError('x is undefined');
    const second = readFailing(bug);
    await expect(patientRead(second.read, 4, sleep)).rejects.toBe(bug);
    expect(second.calls.count).toBe(1);
    expect(waits).toEqual([]);
  });
});
