import { benchQueue } from './queue-bench';
import { benchRender } from './render-bench';
import { benchShed } from './shed-bench';
import { benchBilingualVariantCheck, benchVariantCheck } from './variant-check-bench';
import { benchPrintRun } from './print-run-bench';
import { fmt } from './stats';

/** `npm run bench`: every performance target, each next to its baseline measured in the same run. */
async function main(): Promise<void> {
  const render = await benchRender(Number(process.env.BENCH_RUNS ?? 200));
  console.log('');
  const queue = await benchQueue(Number(process.env.BENCH_ROUND_TRIPS ?? 50), Number(process.env.BENCH_BACKLOG ?? 300));
  const inProcessRate = 1000 / render.rosette.median;
  console.log(`  in-process render rate ${fmt(inProcessRate, 1)} leaflets/s; worker process sustains ${fmt((100 * queue.jobsPerSecond) / inProcessRate, 0)}% of it (target >= 80%)`);
  console.log('');
  await benchShed(Number(process.env.BENCH_SHED_SECONDS ?? 5), Number(process.env.BENCH_SHED_CONNECTIONS ?? 100));
  console.log('');
  await benchVariantCheck(Number(process.env.BENCH_VARIANT_ROWS ?? 600), Number(process.env.BENCH_VARIANT_RUNS ?? 5));
  console.log('');
  await benchBilingualVariantCheck(Number(process.env.BENCH_VARIANT_ROWS ?? 600), Number(process.env.BENCH_VARIANT_RUNS ?? 5));
  await benchPrintRun(Number(process.env.BENCH_RUN_ROWS ?? 600));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
