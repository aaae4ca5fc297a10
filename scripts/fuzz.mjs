// npm run fuzz [-- RUNS] — the fuzz properties of test/fuzz.test.ts, long: RUNS (default 2,000)
// per property unit, over the written seed documents plus the shared corpus when it is beside the
// project. FUZZ_SEED replays a failing run; FUZZ_MAX_MS sets the per-document limit (1,000 ms).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const env = {
  ...process.env,
  FUZZ_RUNS: process.argv[2] ?? process.env.FUZZ_RUNS ?? '2000',
  ...(fs.existsSync(corpus) && !process.env.FUZZ_CORPUS && { FUZZ_CORPUS: corpus }),
};
console.log(`fuzz: ${env.FUZZ_RUNS} runs per property unit${env.FUZZ_CORPUS ? `, mutating ${env.FUZZ_CORPUS} too` : ''}`);
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz.test.ts', '--testTimeout', '0'], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
