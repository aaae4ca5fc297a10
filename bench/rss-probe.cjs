// Preloaded (node --require) into a process the benchmark measures: at exit, the main thread writes
// the process's peak resident set size (KiB, worker threads included) to $GWL_BENCH_RSS_FILE.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const out = process.env.GWL_BENCH_RSS_FILE;
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is optional; never change the measured program's exit
    }
  });
}
