import { authOf } from '../sessions/request-auth';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { Router } from 'express';
import type { AdminStatusResponse } from '../../common/api/admin-status';
import type { Logger } from 'pino';
import type { StoreHealth } from '../health/store-probe';
import { AppError } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import { isRedisUnavailable } from '../http/redis-unavailable';
import type { OverloadState } from '../overload/overload-state';
import type { AdminToken } from './admin-token';
import { switchRequestSchema, type MaintenanceSwitch } from './maintenance-switch';
import { adminWho, requireAdmin, type AdminSessionAuth } from './require-admin';
import type { PeopleLookup } from './people';
import type { SwitchStore } from './switch-store';
import type { SwitchTrail } from './switch-trail';

export interface AdminRouterDeps {
  overload: OverloadState;
  switches: SwitchStore;
  admin: AdminToken;
  /** Signed-in admins may use the API too, when the accounts work provides this. */
  adminSession?: AdminSessionAuth;
  logger: Logger;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Requests in flight in this process now, the concurrency limit learnt from the event loop, and its ceiling (MAX_IN_FLIGHT). */
  inFlight: () => { now: number; limit: number; max: number };
  /** Whether this server can write to the file store (health/store-probe.ts). */
  storeHealth?: { readonly current: StoreHealth };
  /** Who the switch's `setBy` and the audit's `who` are (people.ts); without it the status names nobody. */
  people?: PeopleLookup;
  /**
   * The switch's trail in the audit log (PostgreSQL): each change is written there after the switch is set
   * in Redis, and the status reads it from there. A switch set in Redis stands even when this write fails (logged).
   */
  trail: SwitchTrail;
}

/**
 * The admin console's API: POST /api/admin/maintenance switches maintenance on, off or auto (a
 * signed-in admin account only); GET /api/admin/status says what this process is doing and why (an
 * admin account, or ADMIN_TOKEN: the machine credential that monitoring and the drill read the mode
 * with, which can change nothing). Both work in maintenance and while Redis is away (the switch then
 * cannot be changed: 503).
 */
export function adminRouter(deps: AdminRouterDeps): Router {
  const router = caseSensitiveRouter();
  const adminAccount = requireAdmin(null, deps.adminSession);
  const adminOrMonitor = requireAdmin(deps.admin, deps.adminSession);

  router.post('/api/admin/maintenance', adminAccount, async (req, res) => {
    const request = parseWith(switchRequestSchema, req.body);
    if (request.mode !== 'on') {
      const extra = (['message', 'expectedBackAt'] as const).find((field) => request[field] !== undefined);
      if (extra) throw AppError.validation([{ path: extra, message: 'only goes with mode "on"' }]);
    }
    if (request.expectedBackAt && Date.parse(request.expectedBackAt) <= deps.now()) {
      throw AppError.validation([{ path: 'expectedBackAt', message: 'must be in the future' }]);
    }
    const next: MaintenanceSwitch & { setBy: string; setAt: string; reason: string } = {
      mode: request.mode,
      message: request.message ?? null,
      expectedBackAt: request.expectedBackAt ? new Date(request.expectedBackAt).toISOString() : null,
      reason: request.reason,
      setBy: adminWho(res),
      setAt: new Date(deps.now()).toISOString(),
    };
    let previous: MaintenanceSwitch;
    try {
      previous = await deps.switches.read();
      await deps.switches.write(next);
    } catch (err) {
      if (!isRedisUnavailable(err)) throw err;
      throw new AppError(503, 'switch_unavailable', 'the switch is kept in Redis, which cannot be reached just now; every server is in maintenance until it returns', [], { 'Retry-After': '5' });
    }
    deps.overload.applySwitch(next); // this process at once; the others within a second
    await deps.trail.record(authOf(res).account.id, next, previous.mode).catch((err: unknown) =>
      // The reason and message are the admin's own words: logged here (as below) so the change is not lost.
      deps.logger.error({ err: err instanceof Error ? err.message : String(err), mode: next.mode, from: previous.mode, reason: next.reason, setBy: next.setBy, setAt: next.setAt }, 'maintenance switch not written to the audit log (is PostgreSQL up?); the switch itself is set'),
    );
    deps.logger.info({ mode: next.mode, reason: next.reason, setBy: next.setBy }, 'maintenance switch changed');
    res.set('Cache-Control', 'no-store').json(await statusOf(deps));
  });

  router.get('/api/admin/status', adminOrMonitor, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await statusOf(deps));
  });

  return router;
}

/** The body of GET /api/admin/status (common/api/admin-status.ts). */
async function statusOf(deps: AdminRouterDeps): Promise<AdminStatusResponse> {
  const state = deps.overload;
  const audit = await deps.trail.recent(20).catch(() => null);
  const sample = state.latest;
  const whos = [state.adminSwitch.setBy, ...(audit ?? []).map((a) => a.who)].filter((w): w is string => w !== null);
  const people = deps.people ? await deps.people(whos).catch(() => ({})) : {};
  return {
    mode: state.mode,
    ladder: { mode: state.ladder.mode, since: new Date(state.ladder.since).toISOString() },
    cause: state.cause(),
    switch: state.adminSwitch,
    redisUp: state.redisUp,
    store: storeView(deps.storeHealth?.current),
    signals: sample?.signals ?? null,
    memory: sample?.memory ?? null,
    printQueue: {
      paused: state.printingPaused,
      waiting: state.waiting,
      backlogCap: state.backlogCap,
      drainPerSecond: state.rate,
      workers: sample?.queue?.workers ?? null,
      estimatedWaitSeconds: state.estimatedWaitSeconds(state.waiting + 1),
    },
    inFlight: deps.inFlight(),
    changes: state.changes,
    audit,
    people,
    process: { pid: process.pid },
  };
}

function storeView(health: StoreHealth | undefined): AdminStatusResponse['store'] {
  if (!health) return { writable: true, since: new Date(0).toISOString(), code: null };
  return { writable: health.writable, since: new Date(health.since).toISOString(), code: health.code };
}
