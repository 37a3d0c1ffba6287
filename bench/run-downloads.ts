import { benchDownloads } from './downloads-bench';

/** `npm run bench:downloads`: downloads per second of a finished PDF from one server process. */
benchDownloads(Number(process.env.BENCH_SECONDS ?? 10), Number(process.env.BENCH_CONNECTIONS ?? 50)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
