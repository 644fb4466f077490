/**
 * Preloaded into every process the benchmark measures (`node --require dist/bench/max-rss.js`): on exit,
 * writes the process's peak resident set size in KiB (`process.resourceUsage().maxRSS`) to the file named
 * by BENCH_MAX_RSS_FILE. A preload works on every platform Node runs on, unlike `/usr/bin/time -f %M`,
 * and it counts the measured process only, not a wrapper around it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  // The variable is for this process only: a child it starts must not overwrite the figure.
  delete process.env.BENCH_MAX_RSS_FILE;
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
