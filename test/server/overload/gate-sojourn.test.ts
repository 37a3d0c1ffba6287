import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConcurrencyLimit } from '../../../server/overload/concurrency-limit';
import { createGate } from '../../../server/overload/gate';
import { OverloadState } from '../../../server/overload/overload-state';
import { RateLimitMemo } from '../../../server/overload/rate-limit-memo';

/** A request the gate lets through: only its method, path and headers are read. */
const request = (url: string) => ({ method: 'GET', url, headers: {} }) as unknown as IncomingMessage;

describe('the gate tells the concurrency limit how long admitted requests took', () => {
  let clock = 1000;
  const setup = (max = 64) => {
    const limit = new ConcurrencyLimit({ max, min: 2 });
    const answered = jest.spyOn(limit, 'noteAnswered');
    const refused = jest.spyOn(limit, 'noteRefused');
    const gate = createGate({ state: new OverloadState(() => 0, 300), memo: new RateLimitMemo(), clientKey: () => 'client', limit, now: () => 0, monotonic: () => clock });
    return { limit, gate, answered, refused };
  };

  it('notes the sojourn of a request it capped, from the moment it let it in to its answer', () => {
    const { gate, answered } = setup();
    const res = new EventEmitter() as ServerResponse;
    clock = 1000;
    expect(gate(request('/api/templates'), res)).toBe(false);
    expect(gate.inFlight).toBe(1);
    clock = 1037;
    res.emit('close');
    expect(answered).toHaveBeenCalledWith(37);
    expect(gate.inFlight).toBe(0);
  });

  it('times downloads too, in their own pool', () => {
    const { gate, answered } = setup();
    const res = new EventEmitter() as ServerResponse;
    clock = 2000;
    gate(request(`/downloads/${'a'.repeat(64)}.pdf`), res);
    clock = 2005;
    res.emit('close');
    expect(answered).toHaveBeenCalledWith(5);
  });

  it('does not time health checks and the admin API: never capped, their quick answers would hide a queue', () => {
    const { gate, answered } = setup();
    for (const url of ['/healthz', '/api/admin/status']) {
      const res = new EventEmitter() as ServerResponse;
      expect(gate(request(url), res)).toBe(false);
      res.emit('close');
    }
    expect(answered).not.toHaveBeenCalled();
    expect(gate.inFlight).toBe(0);
  });

  it('tells the limit when it turns a request away for want of a place', () => {
    const { limit, gate, refused } = setup(2); // anonymous reads may fill 1 place
    expect(limit.caps[0]).toBe(1);
    gate(request('/api/templates'), new EventEmitter() as ServerResponse);
    const res = Object.assign(new EventEmitter(), { writeHead: jest.fn(), end: jest.fn() }) as unknown as ServerResponse;
    expect(gate(request('/api/templates'), res)).toBe(true);
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
