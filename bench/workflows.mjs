// Many-files benchmark (issue 5): the worker pool against one thread, and a second run with --cache.
// Usage: npm run bench:workflows   (or: node bench/workflows.mjs [--files 1000] [--runs 3] [--corpus DIR])
// Replicates the corpus into a temporary folder, runs the built CLI as a user would, prints the figures.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: path.join(root, '../shared/corpus') },
    json: { type: 'string' },
  },
});
const FILES = Number(values.files);
const RUNS = Number(values.runs);
const bin = path.join(root, 'bin/gongwen-lint.js');

const sources = fs.existsSync(values.corpus) ? fs.readdirSync(values.corpus).filter((n) => /\.(txt|md|docx)$/.test(n)).sort() : [];
if (sources.length === 0) {
  console.log(`bench/workflows: no corpus at ${values.corpus}; skipped (pass --corpus DIR)`);
  process.exit(0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-bench-'));
const docs = path.join(tmp, 'docs');
let bytes = 0;
const copies = [];
for (let i = 0; i < FILES; i++) {
  const name = sources[i % sources.length];
  const dir = path.join(docs, `copy-${String(Math.floor(i / sources.length)).padStart(3, '0')}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(values.corpus, name), path.join(dir, name));
  copies.push(path.relative(tmp, path.join(dir, name)));
  bytes += fs.statSync(path.join(dir, name)).size;
}

/** CPU time (ms) of the children this process has waited for, all their threads included (Linux only). */
function childCpu() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: cutime and cstime are fields 14 and 15 (0-based), in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** One CLI run; returns wall time and CPU time in ms, and the report. */
function lint(args) {
  const out = path.join(tmp, 'report.json');
  const cpu = childCpu();
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, 'docs', '-f', 'json', '-o', out, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`gongwen-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: childCpu() - cpu, report: fs.readFileSync(out, 'utf8') };
}

/**
 * The same files split between two separate processes started together: no shared heap, no messages,
 * nothing a pool could do better, so their speed-up over one process bounds what any pool can reach
 * on this machine.
 */
async function lintSplit(parts) {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parts }, (_, k) => {
      const share = copies.filter((_, i) => i % parts === k);
      const child = spawn(process.execPath, [bin, ...share, '--concurrency', 'off', '-f', 'json', '-o', path.join(tmp, `split-${k}.json`)], { cwd: tmp, stdio: 'ignore', env: { ...process.env, CI: '1' } });
      return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`gongwen-lint (share ${k}) exited ${code}`)))));
    }),
  );
  return { ms: performance.now() - started, cpu: NaN };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = bytes / 1048576;
console.log(`bench/workflows: ${FILES} documents, ${mb.toFixed(1)} MB (corpus of ${sources.length} replicated), ${os.availableParallelism()} cores, best of ${RUNS}, load average ${os.loadavg()[0].toFixed(1)} at start`);

// Pool against one thread, alternating so that load from elsewhere hits both alike.
const single = [];
const pooled = [];
const split = [];
let reference;
for (let r = 0; r < RUNS; r++) {
  const a = lint(['--concurrency', 'off']);
  const b = lint(['--concurrency', String(os.availableParallelism())]);
  reference ??= a.report;
  if (a.report !== reference || b.report !== reference) throw new Error('the pool changed the report (order or content)');
  single.push(a);
  pooled.push(b);
  split.push(await lintSplit(os.availableParallelism()));
}
const best = (runs) => runs.reduce((x, y) => (y.ms < x.ms ? y : x));
const line = (label, runs) => {
  const b = best(runs);
  const cpu = Number.isFinite(b.cpu) ? `, CPU ${fmt(b.cpu)}` : '';
  return `  ${label.padEnd(15)} ${fmt(b.ms)}  (${(mb / (b.ms / 1000)).toFixed(1)} MB/s${cpu})   runs: ${runs.map((r) => fmt(r.ms)).join(', ')}`;
};
const s = best(single).ms;
const p = best(pooled).ms;
console.log(line('one thread', single));
console.log(line('worker pool', pooled));
console.log(`  pool speed-up   ${(s / p).toFixed(2)}×  (target ≥ 1.7× on 2 cores)`);
const cores = os.availableParallelism();
const sp = best(split).ms;
console.log(line(`${cores} processes`, split));
console.log(`  ${cores} separate processes, a share of the files each, are ${(s / sp).toFixed(2)}× faster than one: the most a pool can reach on this machine`);
// V8 collects garbage and compiles on helper threads, so "one thread" already keeps more than one
// core busy; a pool can at best fill the rest.
const oneBest = best(single);
const busy = oneBest.cpu / oneBest.ms;
if (Number.isFinite(busy)) {
  console.log(`  one thread keeps ${busy.toFixed(2)} cores busy: even if a second thread cost nothing, a pool on ${os.availableParallelism()} cores could be at most ${(os.availableParallelism() / busy).toFixed(2)}× faster`);
}

// --cache: a cold run fills it, the second run finds every file unchanged.
const cold = [];
const warm = [];
const cacheFile = path.join(tmp, '.gongwen-lint-cache');
for (let r = 0; r < RUNS; r++) {
  fs.rmSync(cacheFile, { force: true });
  const a = lint(['--cache']);
  const b = lint(['--cache']);
  if (a.report !== reference || b.report !== reference) throw new Error('the cache changed the report');
  cold.push(a);
  warm.push(b);
}
const c = best(cold).ms;
const w = best(warm).ms;
console.log(line('--cache, first', cold));
console.log(line('--cache, second', warm));
console.log(`  cache speed-up  ${(c / w).toFixed(1)}×  (target ≥ 10×)`);
if (values.json) {
  const secs = (ms) => Math.round(ms) / 1000;
  const figures = {
    documents: FILES,
    megabytes: Math.round(mb * 10) / 10,
    cores,
    seconds: { oneThread: secs(s), pool: secs(p), separateProcesses: secs(sp), cacheFirst: secs(c), cacheSecond: secs(w) },
    poolSpeedup: Math.round((s / p) * 100) / 100,
    separateProcessesSpeedup: Math.round((s / sp) * 100) / 100,
    cacheSpeedup: Math.round((c / w) * 10) / 10,
  };
  fs.writeFileSync(values.json, `${JSON.stringify(figures)}\n`);
}
fs.rmSync(tmp, { recursive: true, force: true });
