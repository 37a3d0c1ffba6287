import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The hand-written service worker (plain JS: it runs in a ServiceWorkerGlobalScope, not a page). */
const SOURCE = decodeURIComponent(new URL('./sw.js', import.meta.url).pathname);

/**
 * Files over this size are not kept at install, bytes: only the password-strength dictionaries
 * (zxcvbn, about 1.6 MB), which the invite and accounts pages use and which need the server anyway.
 * Everything the gallery and the editor draw with (chunks, styles, fonts) is well under it.
 */
const LARGEST_KEPT_BYTES = 512 * 1024;

/** Files of the build the service worker does not keep. */
const NOT_KEPT = /\.(map|br|gz)$/;

/**
 * Writes `sw.js` at the root of the build (a service worker's scope is its folder and below, and the
 * editor is at /): the list of this build's files to keep (`ROSETTE_PRECACHE`) and a version made from
 * their names, which carry content hashes, so a new build is a new service worker and the old shell
 * cache is dropped when it takes over. No library: workbox's injectManifest does the same list, but
 * the strategies needed here (shell on 503, per-account cache cleared on sign-out) fit in a page of code.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'rosette-service-worker',
    apply: 'build',
    // After the bundle is written, not in generateBundle: Vite drops chunks that held only CSS late in
    // generateBundle, and a name of a file never written would fail the whole install.
    writeBundle(options, bundle) {
      const files: string[] = [];
      for (const [fileName, item] of Object.entries(bundle)) {
        if (NOT_KEPT.test(fileName) || fileName === 'index.html') continue;
        const size = item.type === 'chunk' ? Buffer.byteLength(item.code) : typeof item.source === 'string' ? Buffer.byteLength(item.source) : item.source.byteLength;
        if (size > LARGEST_KEPT_BYTES) continue;
        files.push('/' + fileName);
      }
      files.sort();
      // The public folder's files are copied as they are, outside the bundle.
      const precache = ['/', '/favicon.svg', '/manifest.webmanifest', ...files];
      const version = createHash('sha256').update(precache.join('\n')).update(fs.readFileSync(SOURCE)).digest('hex').slice(0, 16);
      const source = `self.ROSETTE_SW_VERSION = ${JSON.stringify(version)};\nself.ROSETTE_PRECACHE = ${JSON.stringify(precache)};\n${fs.readFileSync(SOURCE, 'utf8')}`;
      fs.writeFileSync(path.join(options.dir!, 'sw.js'), source);
    },
  };
}
