import { benchBusyNeighbour } from './busy-neighbour-bench';

/**
 * `npm run bench:neighbour`: a calm client against one server, alone and then beside CPU-burning
 * processes (issue 12, finding 9). BENCH_SERVER_DIST measures another build's dist/ folder.
 */
benchBusyNeighbour(Number(process.env.BENCH_SECONDS ?? 10), Number(process.env.BENCH_CONNECTIONS ?? 10), Number(process.env.BENCH_NEIGHBOURS ?? 4), process.env.BENCH_SERVER_DIST).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
