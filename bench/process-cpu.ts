import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux Node.js runs on. */
const CLOCK_TICKS = 100;

/** User plus system CPU seconds a process has used so far, from /proc (null where there is none). */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
