import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTO_SWITCH } from '../../../server/admin/maintenance-switch';
import { ConcurrencyLimit } from '../../../server/overload/concurrency-limit';
import { createGate, SHED_REASONS, type GateOptions } from '../../../server/overload/gate';
import { OverloadState } from '../../../server/overload/overload-state';
import { RateLimitMemo } from '../../../server/overload/rate-limit-memo';
import type { Principal, RouteKind } from '../../../server/overload/route-kind';

/** A request as the gate sees it: only method, url and headers are read. */
function request(method: string, url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

/** A response that records what the gate wrote, and can be closed as a real one is when answered. */
class RecordedResponse extends EventEmitter {
  status: number | null = null;
  headers: Record<string, string> = {};
  body: Buffer | null = null;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
    return this;
  }
  end(body: Buffer) {
    this.body = body;
    return this;
  }
  get json(): { error: { code: string; message: string } } & Record<string, unknown> {
    return JSON.parse(this.body!.toString('utf8'));
  }
  close() {
    this.emit('close');
  }
}

const PDF = `/downloads/${'b'.repeat(64)}.pdf`;

function setup(options: { max?: number; principal?: Principal; clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: 1_000_000 };
  const state = new OverloadState(() => clock.now, 300);
  const memo = new RateLimitMemo();
  const limit = new ConcurrencyLimit({ max: options.max ?? 20, min: 2 });
  const shed: Array<[RouteKind, string]> = [];
  const rateLimited: Array<[RouteKind, string]> = [];
  const inFlightNoted: number[] = [];
  const noteInFlight = limit.noteInFlight.bind(limit);
  limit.noteInFlight = (n: number) => {
    inFlightNoted.push(n);
    noteInFlight(n);
  };
  const gateOptions: GateOptions = {
    state,
    memo,
    clientKey: (req) => String(req.headers['x-client'] ?? 'client-a'),
    limit,
    now: () => clock.now,
    monotonic: () => clock.now,
    principalOf: (req) => (req.headers.cookie ? 'signedIn' : (options.principal ?? 'anonymous')),
    onShed: (kind, reason) => shed.push([kind, reason]),
    onRateLimited: (kind, budget) => rateLimited.push([kind, budget]),
  };
  const gate = createGate(gateOptions);
  /** Sends a request through the gate; answers the response (as the app would have) unless told to hold it. */
  const send = (req: IncomingMessage) => {
    const res = new RecordedResponse();
    const answered = gate(req, res as unknown as ServerResponse);
    return { res, answered };
  };
  return { gate, state, memo, limit, clock, shed, rateLimited, inFlightNoted, send };
}

const maintenanceSwitch = (message: string | null = 'Back at six', expectedBackAt: string | null = null) => ({
  ...AUTO_SWITCH,
  mode: 'on' as const,
  message,
  expectedBackAt,
  reason: 'printer swap',
  setBy: 'account:1',
  setAt: '2026-12-05T10:00:00.000Z',
});

describe('the overload gate', () => {
  describe('in normal mode with places free', () => {
    it('lets every kind of request through to the app and counts it in flight', () => {
      const { send, gate, shed } = setup();
      const urls: Array<[string, string]> = [
        ['GET', '/'],
        ['GET', '/api/templates'],
        ['POST', '/api/designs'],
        ['POST', '/api/print-jobs'],
        ['GET', PDF],
        ['GET', '/healthz'],
      ];
      for (const [method, url] of urls) expect(send(request(method, url)).answered).toBe(false);
      expect(gate.inFlight).toBe(urls.length);
      expect(shed).toEqual([]);
    });

    it('counts a request out when its response closes', () => {
      const { send, gate } = setup();
      const { res } = send(request('GET', '/api/templates'));
      const download = send(request('GET', PDF)).res;
      const health = send(request('GET', '/healthz')).res;
      expect(gate.inFlight).toBe(3);
      res.close();
      expect(gate.inFlight).toBe(2);
      download.close();
      expect(gate.inFlight).toBe(1);
      health.close();
      expect(gate.inFlight).toBe(0);
    });

    it('tells the limit the larger of the two pools after each admission', () => {
      const { send, inFlightNoted } = setup();
      send(request('GET', '/api/templates'));
      send(request('GET', '/api/templates'));
      send(request('GET', PDF));
      expect(inFlightNoted).toEqual([1, 2, 2]);
      for (let i = 0; i < 2; i++) send(request('GET', PDF));
      expect(inFlightNoted).toEqual([1, 2, 2, 2, 3]);
    });

    it('counts print jobs let through since the last sample, and nothing else', () => {
      const { send, state } = setup();
      send(request('GET', '/api/print-jobs'));
      send(request('POST', '/api/designs'));
      expect(state.admittedSinceSample).toBe(0);
      send(request('POST', '/api/print-jobs'));
      send(request('POST', '/api/print-jobs'));
      expect(state.admittedSinceSample).toBe(2);
    });
  });

  describe('when requests in flight fill a priority’s share of the limit', () => {
    // max 20: caps by priority are 10 (anonymous reads), 14, 17, 20 (downloads), unlimited (health, admin).
    it('turns the next anonymous read away with the prepared 503, and tells the limit', () => {
      const { send, shed, limit } = setup();
      const refused = jest.spyOn(limit, 'noteRefused');
      for (let i = 0; i < 10; i++) expect(send(request('GET', '/api/templates')).answered).toBe(false);
      const { res, answered } = send(request('GET', '/api/templates'));
      expect(answered).toBe(true);
      expect(res.status).toBe(503);
      expect(res.headers['Retry-After']).toBe('2');
      expect(res.json.error.code).toBe('overloaded');
      expect(shed).toEqual([['apiRead', SHED_REASONS.overloaded]]);
      expect(refused).toHaveBeenCalledTimes(1);
    });

    it('still lets higher priorities in: a signed-in read, then a print job, up to their own caps', () => {
      const { send } = setup();
      for (let i = 0; i < 10; i++) send(request('GET', '/api/templates'));
      expect(send(request('GET', '/api/templates')).answered).toBe(true);
      // A signed-in campaigner's read is one priority up: 14 places.
      for (let i = 10; i < 14; i++) expect(send(request('GET', '/api/designs', { cookie: 's' })).answered).toBe(false);
      expect(send(request('GET', '/api/designs', { cookie: 's' })).answered).toBe(true);
      // A signed-in print job is priority 3: 20 places.
      for (let i = 14; i < 20; i++) expect(send(request('POST', '/api/print-jobs', { cookie: 's' })).answered).toBe(false);
      expect(send(request('POST', '/api/print-jobs', { cookie: 's' })).answered).toBe(true);
    });

    it('keeps downloads in a pool of their own, which a flood of other requests never takes', () => {
      const { send, gate } = setup();
      for (let i = 0; i < 20; i++) send(request('POST', '/api/print-jobs', { cookie: 's' }));
      expect(send(request('GET', '/api/templates')).answered).toBe(true);
      for (let i = 0; i < 20; i++) expect(send(request('GET', PDF)).answered).toBe(false);
      expect(send(request('GET', PDF)).answered).toBe(true);
      expect(gate.inFlight).toBe(40);
    });

    it('never caps health checks and the admin API', () => {
      const { send } = setup({ max: 2 });
      for (let i = 0; i < 50; i++) {
        expect(send(request('GET', '/healthz')).answered).toBe(false);
        expect(send(request('GET', '/api/admin/status')).answered).toBe(false);
      }
    });

    it('gives a place back when an admitted request is answered', () => {
      const { send } = setup();
      const first = send(request('GET', '/api/templates')).res;
      for (let i = 1; i < 10; i++) send(request('GET', '/api/templates'));
      expect(send(request('GET', '/api/templates')).answered).toBe(true);
      first.close();
      expect(send(request('GET', '/api/templates')).answered).toBe(false);
    });
  });

  describe('in maintenance', () => {
    it('answers the API with the admin’s message as JSON, and Retry-After until the expected return', () => {
      const clock = { now: Date.parse('2026-12-05T10:00:00Z') };
      const { send, state, shed } = setup({ clock });
      state.applySwitch(maintenanceSwitch('New printer going in', '2026-12-05T10:30:00Z'));
      const { res, answered } = send(request('POST', '/api/designs'));
      expect(answered).toBe(true);
      expect(res.status).toBe(503);
      expect(res.headers['Content-Type']).toBe('application/json; charset=utf-8');
      expect(res.headers['Retry-After']).toBe('1800');
      expect(res.json).toMatchObject({ error: { code: 'maintenance', message: 'New printer going in' }, maintenance: { message: 'New printer going in', expectedBackAt: '2026-12-05T10:30:00Z' } });
      expect(shed).toEqual([['apiWrite', SHED_REASONS.maintenance]]);
    });

    it('gives a browser asking for a page the maintenance page, and other clients JSON', () => {
      const { send, state } = setup();
      state.applySwitch(maintenanceSwitch());
      const browser = send(request('GET', '/', { accept: 'text/html,application/xhtml+xml' })).res;
      expect(browser.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(browser.body!.toString()).toContain('Back at six');
      const curl = send(request('GET', '/', { accept: '*/*' })).res;
      expect(curl.headers['Content-Type']).toBe('application/json; charset=utf-8');
      const noAccept = send(request('GET', '/')).res;
      expect(noAccept.headers['Content-Type']).toBe('application/json; charset=utf-8');
      // An API read is JSON even for a browser.
      const api = send(request('GET', '/api/templates', { accept: 'text/html' })).res;
      expect(api.headers['Content-Type']).toBe('application/json; charset=utf-8');
    });

    it('keeps downloads, share pages, client files, health checks, sign-in and the admin API open', () => {
      const { send, state, shed } = setup();
      state.applySwitch(maintenanceSwitch());
      const open: Array<[string, string]> = [
        ['GET', PDF],
        ['GET', '/s/abc'],
        ['GET', '/assets/main.js'],
        ['GET', '/healthz'],
        ['POST', '/api/session'],
        ['POST', '/api/admin/maintenance'],
      ];
      for (const [method, url] of open) expect(send(request(method, url)).answered).toBe(false);
      expect(shed).toEqual([]);
      for (const [method, url] of [['GET', '/api/templates'], ['POST', '/api/print-jobs'], ['POST', '/api/assets']] as const) expect(send(request(method, url)).answered).toBe(true);
      expect(shed.map(([, reason]) => reason)).toEqual(['maintenance', 'maintenance', 'maintenance']);
    });

    it('answers with the new message as soon as the switch changes, and lets everything in when it goes back to auto', () => {
      const { send, state } = setup();
      state.applySwitch(maintenanceSwitch('First message'));
      expect(send(request('GET', '/api/templates')).res.json.error.message).toBe('First message');
      state.applySwitch(maintenanceSwitch('Second message'));
      expect(send(request('GET', '/api/templates')).res.json.error.message).toBe('Second message');
      state.applySwitch(AUTO_SWITCH);
      expect(send(request('GET', '/api/templates')).answered).toBe(false);
    });
  });

  describe('print job submissions', () => {
    it('are paused from the degraded rung up, with their own answer', () => {
      const { send, state, shed } = setup();
      state.rung = 1;
      expect(send(request('POST', '/api/print-jobs')).answered).toBe(false);
      state.rung = 2;
      const { res, answered } = send(request('POST', '/api/print-jobs'));
      expect(answered).toBe(true);
      expect(res.json.error.code).toBe('print_jobs_paused');
      expect(res.headers['Retry-After']).toBe('30');
      expect(shed).toEqual([['printJobSubmit', SHED_REASONS.printJobsPaused]]);
      // Reading a print job's status is not a submission.
      expect(send(request('GET', '/api/print-jobs/abc')).answered).toBe(false);
    });

    it('are refused once the jobs waiting and those admitted since the last sample reach the backlog cap', () => {
      const { send, state, shed } = setup({ max: 1000 });
      state.waiting = state.backlogCap - 2;
      expect(send(request('POST', '/api/print-jobs', { cookie: 's' })).answered).toBe(false);
      expect(send(request('POST', '/api/print-jobs', { cookie: 's' })).answered).toBe(false);
      const { res, answered } = send(request('POST', '/api/print-jobs', { cookie: 's' }));
      expect(answered).toBe(true);
      expect(res.json.error.code).toBe('print_queue_full');
      expect(shed).toEqual([['printJobSubmit', SHED_REASONS.printQueueFull]]);
      // Other writes are not held back by the print queue.
      expect(send(request('POST', '/api/designs', { cookie: 's' })).answered).toBe(false);
    });
  });

  describe('for a client the rate limiters already refused', () => {
    it('answers 429 itself until the window ends, with the seconds left rounded up', () => {
      const { send, memo, clock, rateLimited } = setup();
      memo.block('reads', 'client-a', clock.now + 2_500);
      const { res, answered } = send(request('GET', '/api/templates'));
      expect(answered).toBe(true);
      expect(res.status).toBe(429);
      expect(res.headers['Retry-After']).toBe('3');
      expect(res.headers.RateLimit).toBe('"reads"; r=0; t=3');
      expect(res.json.error.code).toBe('rate_limited');
      expect(Number(res.headers['Content-Length'])).toBe(res.body!.length);
      expect(rateLimited).toEqual([['apiRead', 'reads']]);
      clock.now += 2_500;
      expect(send(request('GET', '/api/templates')).answered).toBe(false);
    });

    it('says at least one second, never zero', () => {
      const { send, memo, clock } = setup();
      memo.block('reads', 'client-a', clock.now + 10);
      expect(send(request('GET', '/api/templates')).res.headers['Retry-After']).toBe('1');
    });

    it('refuses only that client, and only for that budget', () => {
      const { send, memo, clock } = setup();
      memo.block('reads', 'client-a', clock.now + 60_000);
      expect(send(request('GET', '/api/templates', { 'x-client': 'client-b' })).answered).toBe(false);
      expect(send(request('GET', PDF)).answered).toBe(false);
      expect(send(request('POST', '/api/designs')).answered).toBe(false); // writes have no gate budget
      expect(send(request('GET', '/healthz')).answered).toBe(false);
      expect(send(request('GET', '/')).res.status).toBe(429); // pages count as reads
    });

    it('forgets what the limiters said when the mode changes rung (their limits change with it)', () => {
      const { send, memo, state, clock } = setup();
      memo.block('reads', 'client-a', clock.now + 60_000);
      state.applySwitch({ ...AUTO_SWITCH, mode: 'off', reason: 'calm', setAt: '2026-12-05T10:00:00.000Z' });
      expect(memo.size).toBe(1); // same rung: the memo stands
      expect(send(request('GET', '/api/templates')).res.status).toBe(429);
      state.applySwitch(maintenanceSwitch());
      expect(memo.size).toBe(0);
    });
  });

  describe('refuse()', () => {
    it('turns away a request it had let through with the overloaded answer, counted with the reason given', () => {
      const { gate, shed } = setup();
      const res = new RecordedResponse();
      gate.refuse(request('POST', '/api/print-jobs'), res as unknown as ServerResponse, SHED_REASONS.heavyWorkWaiting);
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('overloaded');
      expect(shed).toEqual([['printJobSubmit', 'heavy_work_waiting']]);
    });
  });
});
