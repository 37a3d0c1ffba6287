import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = ['common', 'server', 'worker', 'scripts', 'bench'];
const checked = new Set<string>();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The repository's dist/ folder, compiled from the current sources: tests that run real processes fork
 * dist/**.js. Compiles with tsc (the server-side build, not the browser client) only when a source file
 * is newer than the output the tests need, so a test file pays for it once at most.
 * @param needed paths under dist/ that must exist, such as 'worker/main.js'.
 */
export function builtDist(needed: string[]): string {
  const dist = path.join(ROOT, 'dist');
  // Once per test file: a source saved while the file runs must not make a worker forked later wait
  // for another compilation.
  if (needed.every((p) => checked.has(p))) return dist;
  for (const p of needed) checked.add(p);
  const outputs = needed.map((p) => path.join(dist, p));
  const oldestOutput = Math.min(...outputs.map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (oldestOutput < newestSource) {
    const started = Date.now();
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch (err) {
      // tsc still writes its output when some other file has a type error (`npx tsc --noEmit -p .`
      // reports those); only a missing output is this suite's problem.
      const fresh = outputs.every((p) => fs.existsSync(p) && fs.statSync(p).mtimeMs >= started - 1000);
      if (!fresh) throw err;
    }
  }
  return dist;
}
