import type { MaintenanceSwitch } from '../api/admin-console-api';

/**
 * The switch's three positions, named for what they do. The API keeps its words (auto, on, off); an
 * admin ending a maintenance means "automatic", which keeps the overload safety, so that comes first and
 * is what the form offers after a maintenance; "off" turns the safety off and says so.
 */
export const SWITCH_CHOICES: Array<{ mode: MaintenanceSwitch['mode']; label: string; hint: string; action: string }> = [
  {
    mode: 'auto',
    label: 'Automatic (normal running)',
    hint: 'the site is open, and goes into maintenance by itself only when overloaded, coming back by itself',
    action: 'Return to automatic',
  },
  { mode: 'on', label: 'Maintenance now', hint: 'only downloads, share links and this console keep working', action: 'Start maintenance' },
  {
    mode: 'off',
    label: 'Never maintenance, even when overloaded',
    hint: 'turns off the overload safety (an unreachable Redis still closes the site); only while the safety itself misjudges',
    action: 'Turn off the overload safety',
  },
];

/** The switch's position in words, as the form names it. */
export function switchLabel(mode: MaintenanceSwitch['mode']): string {
  return SWITCH_CHOICES.find((c) => c.mode === mode)?.label ?? mode;
}
