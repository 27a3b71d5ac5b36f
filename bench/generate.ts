/**
 * `npm run bench:generate -- --venues 100000 [--keep]`: loads synthetic venues (generate-venues.ts) into a
 * fresh database (bench-database.ts) and reports how long that took; `bench/search.ts` does the same
 * before measuring.
 */
import { parseBenchArgs, withBenchDatabase } from './bench-database.ts';

const args = await parseBenchArgs(process.argv.slice(2));
await withBenchDatabase(args, async (bench) => {
  console.log(`${bench.name}: ${bench.venues} synthetic venues, ${bench.intervals} open intervals`);
});
