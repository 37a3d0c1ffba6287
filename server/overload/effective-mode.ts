import type { MaintenanceSwitch } from '../admin/maintenance-switch';
import { REASONS } from './ladder-rules';
import type { LadderState } from './mode-ladder';
import type { Mode } from './modes';

/**
 * The mode the gate acts on, from the ladder and the admin's switch:
 * - on: maintenance, whatever the load;
 * - off: the ladder, but never past degraded for load (the admin keeps the site up), except that an
 *   unreachable Redis still means maintenance (nothing could be stored, and the switch itself is unreadable);
 * - auto: the ladder.
 */
export function effectiveMode(ladder: LadderState, adminSwitch: Pick<MaintenanceSwitch, 'mode'>): Mode {
  if (adminSwitch.mode === 'on') return 'maintenance';
  if (adminSwitch.mode === 'off' && ladder.mode === 'maintenance' && ladder.cause?.reason !== REASONS.redisUnavailable) return 'degraded';
  return ladder.mode;
}
