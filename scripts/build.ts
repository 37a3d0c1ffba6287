/**
 * `npm run build` and `npm start`: compiles the server side and builds the browser client, each only
 * when something it is built from changed since its last build.
 *
 * The server side: `tsc -b tsconfig.build.json` (incremental), started only when a source file, a
 * tsconfig or package-lock.json is newer than its last build (dist/.tsbuildinfo), the rule `tsc -b`
 * itself follows, checked here without loading TypeScript (a second or more on a busy machine).
 * The client: scripts/build-client.ts (by a hash of its inputs). package.json compiles this file first
 * only when dist/ has no copy of it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the server side is compiled from, relative to the repository root. */
const SERVER_INPUTS = ['common', 'server', 'worker', 'bench', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** tsc's record of its last build (tsconfig.build.json's tsBuildInfoFile). */
const BUILD_INFO = path.join('dist', '.tsbuildinfo');

/** Whether a file under `paths` was modified after `than` (ms since the epoch). */
function newerThan(root: string, paths: string[], than: number): boolean {
  const visit = (full: string): boolean => {
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) return false;
    if (stat.isDirectory()) return fs.readdirSync(full).some((name) => visit(path.join(full, name)));
    return stat.mtimeMs > than;
  };
  return paths.some((p) => visit(path.join(root, p)));
}

/** Runs `tsc -b tsconfig.build.json` unless no input is newer than its last build; returns whether it ran. */
export function compileServerIfChanged(root: string, log: (line: string) => void): boolean {
  const info = fs.statSync(path.join(root, BUILD_INFO), { throwIfNoEntry: false });
  if (info && !newerThan(root, SERVER_INPUTS, info.mtimeMs)) {
    log('Server code unchanged since its last build: not compiled.');
    return false;
  }
  const buildInfo = path.join(root, BUILD_INFO);
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  } catch (err) {
    // tsc may have written its record despite type errors: date it back, so the next start runs tsc (and shows them) again.
    if (fs.existsSync(buildInfo)) fs.utimesSync(buildInfo, new Date(0), new Date(0));
    throw err;
  }
  // tsc -b leaves its record alone when it finds the outputs up to date after all (a file touched, not changed).
  fs.utimesSync(buildInfo, new Date(), new Date());
  return true;
}

if (require.main === module) {
  try {
    const log = (line: string) => console.log(line);
    // This file runs as dist/scripts/build.js.
    const root = path.resolve(__dirname, '..', '..');
    compileServerIfChanged(root, log);
    // Loaded after the compilation, so a changed build-client.ts is used at once.
    (require('./build-client') as typeof import('./build-client')).buildClientIfChanged({ root, force: process.argv.includes('--force'), log });
  } catch (err) {
    console.error(`Rosette could not be built: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
