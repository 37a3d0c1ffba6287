import type { ServerResponse } from 'node:http';
import { AUTO_SWITCH } from '../../../server/admin/maintenance-switch';
import { REASONS } from '../../../server/overload/ladder-rules';
import { MAINTENANCE_PAGE_CSP } from '../../../server/overload/maintenance-page';
import { OverloadState } from '../../../server/overload/overload-state';
import { buildShedAnswers, json, RETRY_AFTER_S, sendAnswer, type ShedAnswer } from '../../../server/overload/shed-answers';

const NOW = Date.parse('2026-12-05T10:00:00Z');

const stateAt = (now = NOW) => new OverloadState(() => now, 300);
const adminOn = (message: string | null, expectedBackAt: string | null) => ({ ...AUTO_SWITCH, mode: 'on' as const, message, expectedBackAt, reason: 'why', setBy: 'account:1', setAt: '2026-12-05T09:00:00Z' });
const bodyOf = (answer: ShedAnswer) => JSON.parse(answer.body.toString('utf8'));
const retryAfterOf = (answer: ShedAnswer) => answer.headers['Retry-After'];

describe('the answers the gate sheds with', () => {
  describe('maintenance switched on by an admin', () => {
    it('carries the admin’s message and expected return, in JSON and in the page', () => {
      const state = stateAt();
      state.adminSwitch = adminOn('Moving to a new printer', '2026-12-05T10:30:00Z');
      const answers = buildShedAnswers(state, NOW);
      expect(answers.maintenanceJson.status).toBe(503);
      expect(bodyOf(answers.maintenanceJson)).toEqual({
        error: { code: 'maintenance', message: 'Moving to a new printer', fields: [] },
        maintenance: { message: 'Moving to a new printer', expectedBackAt: '2026-12-05T10:30:00Z' },
      });
      const page = answers.maintenanceHtml.body.toString('utf8');
      expect(answers.maintenanceHtml.status).toBe(503);
      expect(page).toContain('Moving to a new printer');
      expect(page).toContain('datetime="2026-12-05T10:30:00.000Z"');
    });

    it('asks clients to come back at the expected return, in seconds rounded up', () => {
      const state = stateAt();
      state.adminSwitch = adminOn(null, '2026-12-05T10:30:00Z');
      expect(retryAfterOf(buildShedAnswers(state, NOW).maintenanceJson)).toBe('1800');
      expect(retryAfterOf(buildShedAnswers(state, NOW + 1).maintenanceJson)).toBe('1800');
      expect(retryAfterOf(buildShedAnswers(state, NOW + 1000).maintenanceJson)).toBe('1799');
      expect(retryAfterOf(buildShedAnswers(state, NOW).maintenanceHtml)).toBe('1800');
    });

    it('gives the page the expected return in UK time, and no timed reload (axe: meta-refresh)', () => {
      const state = stateAt();
      state.adminSwitch = adminOn(null, '2026-12-05T12:00:00Z');
      const page = buildShedAnswers(state, NOW).maintenanceHtml.body.toString();
      expect(page).toContain('12:00 GMT (UK time)');
      expect(page).not.toContain('http-equiv="refresh"');
    });

    it('caps the wait at a day', () => {
      const state = stateAt();
      state.adminSwitch = adminOn(null, '2026-12-09T10:00:00Z');
      expect(retryAfterOf(buildShedAnswers(state, NOW).maintenanceJson)).toBe('86400');
      state.adminSwitch = adminOn(null, new Date(NOW + 86_400_000 - 1000).toISOString());
      expect(retryAfterOf(buildShedAnswers(state, NOW).maintenanceJson)).toBe('86399');
    });

    it('falls back to a minute when the expected return is missing, past or not a date', () => {
      const state = stateAt();
      for (const expectedBackAt of [null, '2026-12-05T09:59:00Z', '2026-12-05T10:00:00Z', 'soon']) {
        state.adminSwitch = adminOn(null, expectedBackAt);
        expect(retryAfterOf(buildShedAnswers(state, NOW).maintenanceJson)).toBe(String(RETRY_AFTER_S.adminMaintenance));
      }
      expect(RETRY_AFTER_S.adminMaintenance).toBe(60);
    });

    it('says the standard sentence when the admin gave no message', () => {
      const state = stateAt();
      state.adminSwitch = adminOn(null, null);
      const body = bodyOf(buildShedAnswers(state, NOW).maintenanceJson);
      expect(body.error.message).toMatch(/^Rosette is in maintenance for a moment; finished PDFs can still be downloaded/);
      expect(body.maintenance).toEqual({ message: null, expectedBackAt: null });
    });

    it('keeps the admin’s words even while Redis is down (the admin’s maintenance is what people should read)', () => {
      const state = stateAt();
      state.adminSwitch = adminOn('Back tonight', null);
      state.redisUp = false;
      const answer = buildShedAnswers(state, NOW).maintenanceJson;
      expect(bodyOf(answer).error).toMatchObject({ code: 'maintenance', message: 'Back tonight' });
      expect(retryAfterOf(answer)).toBe('60');
    });
  });

  describe('maintenance reached by the ladder', () => {
    it('asks to come back in 30 seconds, without any admin message', () => {
      const state = stateAt();
      state.adminSwitch = { ...AUTO_SWITCH, message: 'an old message', expectedBackAt: '2026-12-05T11:00:00Z' };
      const answer = buildShedAnswers(state, NOW).maintenanceJson;
      expect(retryAfterOf(answer)).toBe('30');
      expect(bodyOf(answer).error.code).toBe('maintenance');
      expect(bodyOf(answer).maintenance).toEqual({ message: null, expectedBackAt: null });
    });

    it('says the print queue cannot be reached, and to retry in 5 seconds, when Redis is down', () => {
      const state = stateAt();
      state.redisUp = false;
      const answer = buildShedAnswers(state, NOW).maintenanceJson;
      expect(retryAfterOf(answer)).toBe('5');
      expect(bodyOf(answer).error.code).toBe('queue_unavailable');
      expect(bodyOf(answer).error.message).toContain('nothing you sent before was lost');
    });

    it('says the same when the ladder’s cause is Redis, even if the last PING answered', () => {
      const state = stateAt();
      state.ladder = { mode: 'maintenance', since: NOW, cause: { reason: REASONS.redisUnavailable, signal: 'redisDown', value: 1, threshold: 1 } };
      expect(bodyOf(buildShedAnswers(state, NOW).maintenanceJson).error.code).toBe('queue_unavailable');
      state.ladder = { mode: 'maintenance', since: NOW, cause: { reason: REASONS.eventLoopDelay, signal: 'eventLoopDelayMs', value: 900, threshold: 500 } };
      expect(bodyOf(buildShedAnswers(state, NOW).maintenanceJson).error.code).toBe('maintenance');
    });
  });

  describe('print jobs and overload', () => {
    it('pauses print jobs for 30 seconds, saying accepted jobs are safe', () => {
      const answer = buildShedAnswers(stateAt(), NOW).printJobsPaused;
      expect(answer.status).toBe(503);
      expect(retryAfterOf(answer)).toBe('30');
      expect(bodyOf(answer).error.code).toBe('print_jobs_paused');
      expect(bodyOf(answer).error.message).toContain('jobs already accepted are safe');
      expect(bodyOf(answer).error.message).toContain('in 30 seconds');
    });

    it('tells a full queue’s callers when it will have room, from the drain rate and the jobs admitted since the last sample', () => {
      const state = stateAt();
      state.rate = 2;
      state.backlogCap = 600;
      state.waiting = 600;
      state.admittedSinceSample = 10; // 610 waiting: 11 must drain before the next fits, at 2/s: 6 s
      const answer = buildShedAnswers(state, NOW).printQueueFull;
      expect(retryAfterOf(answer)).toBe('6');
      expect(bodyOf(answer).error).toEqual({ code: 'print_queue_full', message: 'the print queue is full; please send your job again in about 6 seconds', fields: [] });
    });

    it('asks to try again in 2 seconds when too many requests are in flight', () => {
      const answer = buildShedAnswers(stateAt(), NOW).overloaded;
      expect(answer.status).toBe(503);
      expect(retryAfterOf(answer)).toBe('2');
      expect(bodyOf(answer).error.code).toBe('overloaded');
    });
  });

  describe('headers', () => {
    it('make JSON answers uncacheable, sniff-proof and exactly as long as their body', () => {
      const answer = json(503, { error: { code: 'x', message: 'é', fields: [] } }, 7);
      expect(answer.headers).toEqual({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(answer.body.length),
        'Cache-Control': 'no-store',
        'Retry-After': '7',
        'X-Content-Type-Options': 'nosniff',
      });
      expect(answer.body.length).toBe(Buffer.byteLength(JSON.stringify({ error: { code: 'x', message: 'é', fields: [] } })));
    });

    it('leave Retry-After out when waiting will not change the answer', () => {
      expect(json(400, {}).headers).not.toHaveProperty('Retry-After');
      expect(json(400, {}, 0).headers['Retry-After']).toBe('0');
    });

    it('give the maintenance page its own Content-Security-Policy and refuse framing', () => {
      const state = stateAt();
      state.adminSwitch = adminOn('x', null);
      const { headers, body } = buildShedAnswers(state, NOW).maintenanceHtml;
      expect(headers).toEqual({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'Retry-After': '60',
        'Content-Security-Policy': MAINTENANCE_PAGE_CSP,
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
      });
    });
  });

  it('sendAnswer writes the status, headers and body, and returns true', () => {
    const written: unknown[] = [];
    const res = { writeHead: (...args: unknown[]) => written.push(['head', ...args]), end: (body: unknown) => written.push(['end', body]) } as unknown as ServerResponse;
    const answer = json(503, { a: 1 }, 2);
    expect(sendAnswer(res, answer)).toBe(true);
    expect(written).toEqual([
      ['head', 503, answer.headers],
      ['end', answer.body],
    ]);
  });
});
