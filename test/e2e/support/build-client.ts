import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
/** Where `npm run build:client` writes the browser client. */
export const CLIENT_DIR = path.join(ROOT, 'dist', 'client');

/** Newest modification time (ms) of any file under the given folders. */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/**
 * Builds the client with Vite unless dist/client is newer than every source it is built from (client/
 * and the common/ code it bundles). Takes a second or two; the tests drive exactly what ships.
 */
export function buildClientIfStale(): string {
  const index = path.join(CLIENT_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built < newestMtime([path.join(ROOT, 'client'), path.join(ROOT, 'common')])) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  }
  return CLIENT_DIR;
}
