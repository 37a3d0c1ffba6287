import { z } from 'zod';
import type { MaintenanceSwitch, SwitchMode as ContractSwitchMode } from '../../common/api/admin-status';

/** on: maintenance now; off: never maintenance for load (Redis down still is); auto: the ladder decides. */
export const SWITCH_MODES = ['on', 'off', 'auto'] as const;

export type SwitchMode = (typeof SWITCH_MODES)[number];
// The contract spells the modes out for the browser; they must be these.
const sameModes: [SwitchMode, ContractSwitchMode] extends [ContractSwitchMode, SwitchMode] ? true : never = true;
void sameModes;

/** The admin's maintenance switch as every server process keeps a copy of it (part of the status contract). */
export type { MaintenanceSwitch } from '../../common/api/admin-status';

/** The switch before any admin has touched it. */
export const AUTO_SWITCH: MaintenanceSwitch = { mode: 'auto', message: null, expectedBackAt: null, reason: null, setBy: null, setAt: null };

/** The body of POST /api/admin/maintenance. */
export const switchRequestSchema = z.object({
  mode: z.enum(SWITCH_MODES, { error: 'must be "on", "off" or "auto"' }),
  message: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
  expectedBackAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time, such as 2026-05-01T18:00:00Z' }).optional(),
  reason: z.string({ error: 'is required: say why you are switching' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
});

export type SwitchRequest = z.infer<typeof switchRequestSchema>;

/** Reads the switch from its Redis hash; anything missing or unknown reads as auto. */
export function switchFromHash(hash: Record<string, string>): MaintenanceSwitch {
  const mode = (SWITCH_MODES as readonly string[]).includes(hash.mode ?? '') ? (hash.mode as SwitchMode) : 'auto';
  const text = (key: string) => (hash[key] ? hash[key] : null);
  return { mode, message: text('message'), expectedBackAt: text('expectedBackAt'), reason: text('reason'), setBy: text('setBy'), setAt: text('setAt') };
}

/** Whether two copies of the switch say the same. */
export function sameSwitch(a: MaintenanceSwitch, b: MaintenanceSwitch): boolean {
  return a.mode === b.mode && a.message === b.message && a.expectedBackAt === b.expectedBackAt && a.reason === b.reason && a.setBy === b.setBy && a.setAt === b.setAt;
}
