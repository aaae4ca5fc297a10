// node bench/lib/passes.mjs DIR
//
// In a fresh process tuned as the CLI tunes itself (bin/v8-tuning.js), lints every file of DIR twice
// through the CLI's per-file pipeline (lintFile) and prints the two times as JSON. The first pass
// pays the JIT warm-up that every process and every worker thread pays once; the second runs on
// optimised code.
import '../../bin/v8-tuning.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { ConfigResolver, RuleRegistry, lintFile } = await import(path.join(root, 'dist/index.js'));

const dir = path.resolve(process.argv[2]);
const resolver = new ConfigResolver(dir);
const registry = new RuleRegistry(dir);
const jobs = [];
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  const { config } = await resolver.resolve(file);
  jobs.push({ path: file, display: name, locale: 'zh', config, reportUnusedDisable: false });
}
// Rules are compiled before the clock starts: that is start-up, timed by the cold-start figure.
if (jobs.length) await registry.prepare(jobs[0].config);

const passes = [];
for (let pass = 0; pass < 2; pass++) {
  const t0 = performance.now();
  for (const job of jobs) await lintFile(job, registry);
  passes.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ files: jobs.length, firstMs: passes[0], secondMs: passes[1] })}\n`);
