import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from '../scripts/precompress';
import { writeWebFonts } from '../scripts/web-fonts';
import { serviceWorker } from './service-worker/service-worker-plugin';

/** This folder, as a file-system path (the config is run from the repository root by `npm run build:client`). */
const clientRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** Where the preview's WOFF2 fonts are generated (git-ignored); preview-fonts.css refers to them. */
const webFontsDir = clientRoot + 'generated-fonts';

/** Makes the preview's WOFF2 subsets of the DejaVu TTFs before anything is bundled (scripts/web-fonts.ts). */
function webFonts(): Plugin {
  return { name: 'rosette-web-fonts', buildStart: () => writeWebFonts(webFontsDir) };
}

/** Writes brotli and gzip copies of the built files beside them (scripts/precompress.ts), for the server and nginx to send as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'rosette-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: () => void precompressDir(outDir),
  };
}

/**
 * The browser client: React without a plugin (Vite 8 compiles JSX itself with oxc), built to static
 * files that the server serves from dist/client. `npm run build:client` runs it.
 */
export default defineConfig({
  root: clientRoot,
  base: '/',
  plugins: [webFonts(), serviceWorker(), precompress()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Never inline assets as data: URLs: the fonts must load from 'self' under the server's CSP.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    // The dev server reads common/ and node_modules/ from the repository root, and sends the API to a
    // locally running Rosette (npm start, port 3000).
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://127.0.0.1:3000', '/downloads': 'http://127.0.0.1:3000' },
  },
});
