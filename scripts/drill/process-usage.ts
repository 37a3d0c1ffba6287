import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Resident set size of a process in bytes, or null when it is gone. Reads /proc/<pid>/status (VmRSS)
 * on Linux and asks `ps` elsewhere. Worker threads share their process's memory, so they are included.
 */
export function residentBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    if (process.platform === 'linux') return null;
    try {
      const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      return Number.isFinite(kb) && kb > 0 ? kb * 1024 : null;
    } catch {
      return null;
    }
  }
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on every mainstream Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system, all its threads), seconds; null when unknown. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Pids of a process's direct children (nginx's workers), from /proc; none where there is no /proc. */
export function childPids(pid: number): number[] {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? children.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}
