import { buildClientIfChanged, clientPaths, repositoryRoot } from '../../../scripts/build-client';

/** Where `npm run build` writes the browser client. */
export const CLIENT_DIR = clientPaths(repositoryRoot(__dirname)).clientDir;

/**
 * Builds the client with Vite unless dist/client was built from exactly the sources there are now
 * (scripts/build-client.ts, the rule `npm start` follows too), so the tests drive exactly what ships.
 */
export function buildClientIfStale(): string {
  buildClientIfChanged({ root: repositoryRoot(__dirname) });
  return CLIENT_DIR;
}
