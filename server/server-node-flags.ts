/** RSS_LIMIT_MB's default (common/node/config.ts): the memory a server process should stay under, MiB. */
export const DEFAULT_RSS_LIMIT_MB = 512;

/**
 * Flags of the Node.js runtime a server process runs with, for a process that should stay under
 * `rssLimitMb` of resident memory. `npm start` and the drill pass them for the configured
 * RSS_LIMIT_MB; the container (Dockerfile and docker-compose.yml, which a test holds to this list)
 * for the default.
 * - `--max-semi-space-size=4` (MiB): under a flood's allocation rate V8 grows each of its young
 *   generation's semi-spaces to 16 MiB, and a server's resident memory went past the 200 MB target
 *   (207-211 MB peak in the drill); capped at 4 MiB, the peaks were 182-184 MB, with more but shorter
 *   scavenges and no loss in the drill's latencies.
 * - `--max-old-space-size` (MiB), half the RSS limit: V8 sizes its heap from the machine's memory
 *   (about 4 GiB on a 24 GiB machine) and collects the old generation lazily. One server taking a
 *   whole flood held 200-250 MB of garbage and 386 MB resident, and stayed over the RSS rule's low
 *   mark, so on the ladder's busy rung, for 30 s after the flood had ended (drill of 6 December 2026,
 *   `DRILL_SERVERS=1`); with the heap bounded, 202 MB at peak and back to normal 2.1 s after the flood.
 *   The heap-used rule (ladder-rules.ts) reads against this limit, so a heap that really fills steps
 *   the ladder up to maintenance before V8 runs out.
 */
export function serverNodeFlags(rssLimitMb: number): string[] {
  return ['--max-semi-space-size=4', `--max-old-space-size=${Math.round(rssLimitMb / 2)}`];
}

/** The flags for the default RSS_LIMIT_MB: what the container runs with. */
export const SERVER_NODE_FLAGS: readonly string[] = serverNodeFlags(DEFAULT_RSS_LIMIT_MB);
