/**
 * `npm run build` and `npm start`: builds the browser client with Vite, unless what it is built from is
 * unchanged since the last build (a hash of every input file's path and bytes, kept in
 * dist/client-build-stamp): a second `npm start` with nothing changed skips Vite's 10-20 s. `--force`
 * builds anyway; `npm run build:client` is Vite alone.
 *
 * Vite runs with NODE_ENV=production whatever the shell has: with NODE_ENV=development it would bundle
 * React's development build (716 KB of script instead of 465 KB, issue 13), which `npm start` must not
 * ship. Vite's own dev server (`npx vite --config client/vite.config.ts`) is there for development.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The repository's root: the nearest folder above this file with a package.json (this runs from scripts/ and from dist/scripts/). */
export function repositoryRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/**
 * What the client is built from, relative to the root: folders are read whole, but for the generated
 * fonts (the build makes them) and common/node (Node-only code no browser bundle can import).
 */
const INPUTS = ['client', 'common', 'scripts/web-fonts.ts', 'scripts/precompress.ts', 'scripts/subset-font.d.ts', 'package-lock.json'];
const SKIPPED = new Set(['client/generated-fonts', 'common/node']);

/** A hash of every input file's path and bytes, in a stable order. */
export function clientInputsHash(root: string): string {
  const hash = createHash('sha256');
  const add = (relative: string) => {
    if (SKIPPED.has(relative)) return;
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(`${relative}/${name}`);
      return;
    }
    hash.update(`${relative}\0`).update(fs.readFileSync(full)).update('\0');
  };
  for (const input of INPUTS) add(input);
  return hash.digest('hex');
}

/** Where the client is built to, and the stamp of the inputs it was last built from. */
export function clientPaths(root: string) {
  return { clientDir: path.join(root, 'dist', 'client'), stamp: path.join(root, 'dist', 'client-build-stamp') };
}

/**
 * Builds dist/client unless it was built from exactly these inputs; returns whether Vite ran.
 * @param log Where a line saying what happened goes (nothing for the tests).
 */
export function buildClientIfChanged(options: { root?: string; force?: boolean; log?: (line: string) => void } = {}): boolean {
  const root = options.root ?? repositoryRoot();
  const { clientDir, stamp } = clientPaths(root);
  const inputs = clientInputsHash(root);
  const built = fs.existsSync(path.join(clientDir, 'index.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs;
  if (built && !options.force) {
    options.log?.('Browser client unchanged since its last build: not rebuilt (npm run build:client forces it).');
    return false;
  }
  fs.rmSync(stamp, { force: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', options.log ? 'inherit' : 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  fs.writeFileSync(stamp, inputs);
  options.log?.(`Browser client built into ${path.relative(root, clientDir)}.`);
  return true;
}

if (require.main === module) {
  try {
    buildClientIfChanged({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  } catch (err) {
    console.error(`The browser client could not be built: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
