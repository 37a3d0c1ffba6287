/**
 * Flags of the Node.js runtime a server process runs with: `npm start`, the drill and the container
 * (Dockerfile and docker-compose.yml, which a test holds to this list) all pass these.
 * - `--max-semi-space-size=4` (MiB): under a flood's allocation rate V8 grows each of its young
 *   generation's semi-spaces to 16 MiB, and a server's resident memory went past the 200 MB target
 *   (207-211 MB peak in the drill); capped at 4 MiB, the peaks were 182-184 MB, with more but shorter
 *   scavenges and no loss in the drill's latencies.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
