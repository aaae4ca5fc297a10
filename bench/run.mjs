// npm run bench [-- DIR] [--copies N] [--rounds N] [--no-peers] [--textlint-all] [--no-others]
//
// The benchmark suite. Prints a table; figures also go to bench/results.json.
//  - in process, one thread: throughput (MB/s, documents/s) and latency per document over DIR
//    (default: ../shared/corpus when present, else samples/);
//  - the CLI over a batch folder (the corpus seeds ×200 = 1,000 files, 11 MB): one worker and the
//    worker pool (when the CLI has --concurrency), with peak RSS;
//  - the same batch split between separate processes started together: the bound on any pool;
//  - peers on the same batch, as ratios (installed by `npm run bench:peers-install`);
//  - scaling: one document at 1×, 4×, 16× its length, as lines and as one line;
//  - cold start of the CLI on one file;
//  - bench/workflows.mjs, bench/lsp.mjs, bench/web.mjs when present.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { batchSet, defaultCorpus, walk } from './lib/corpus.mjs';
import { median, round, timeNode, timeNodeTogether } from './lib/measure.mjs';
import { installedPeers } from './lib/peers.mjs';
import { measureScaling } from './lib/scaling.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    copies: { type: 'string' },
    rounds: { type: 'string' },
    'no-peers': { type: 'boolean' },
    'textlint-all': { type: 'boolean' },
    'no-others': { type: 'boolean' },
  },
});
const { decode, formatOf, lintText, loadRules } = await import(path.join(root, 'dist/index.js'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const bin = path.join(root, pkg.bin['gongwen-lint']);
const ROUNDS = Number(opts.rounds ?? process.env.BENCH_ROUNDS ?? 9);
const COPIES = Number(opts.copies ?? 200);

const corpusDir = path.resolve(positionals[0] ?? defaultCorpus(root));
const files = walk(corpusDir);
if (files.length === 0) {
  console.error(`bench: no .txt or .md files in ${corpusDir}`);
  process.exit(2);
}
const docs = files.flatMap((file) => {
  const bytes = fs.readFileSync(file);
  try {
    return [{ file, bytes: bytes.length, text: decode(bytes).text, format: formatOf(file) }];
  } catch {
    return [];
  }
});
const totalBytes = docs.reduce((n, d) => n + d.bytes, 0);
const rules = await loadRules();
const row = (k, v) => {
  console.log(`${k.padEnd(40)}  ${v}`);
};
const results = {
  version: pkg.version,
  node: process.version,
  machine: { cpus: os.availableParallelism(), loadAverage: os.loadavg().map((x) => round(x)) },
  rules: rules.length,
};

row('rules', `${rules.length} (every default rule)`);

// --- scaling (first: a heap that already holds the other phases' garbage skews the larger sizes) ---
const scaleSource = docs.reduce((a, b) => (Math.abs(a.bytes - 10_000) < Math.abs(b.bytes - 10_000) ? a : b));
results.scaling = { document: path.basename(scaleSource.file), ...(await measureScaling(lintText, rules, scaleSource.text)) };
for (const [shape, s] of Object.entries(results.scaling)) {
  if (shape === 'document') continue;
  const detail = s.rows.map((r) => `${r.factor}× ${round(r.chars / 1e3, 0)}k ${r.ms} ms (${r.ratio}×)`).join(', ');
  row(`scaling, ${shape}`, `${detail}; per-byte cost at 16× = ${s.perByteGrowth}× of 1× → ${s.linear ? 'linear' : 'SUPER-LINEAR'}`);
}
// --- in process, one thread -----------------------------------------------------------------
for (const d of docs) await lintText(d.text, d.format, { rules }); // JIT and lazily loaded parsers
const latencies = [];
const roundSeconds = [];
const started = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  const roundStarted = performance.now();
  for (const d of docs) {
    const t0 = performance.now();
    await lintText(d.text, d.format, { rules });
    latencies.push(performance.now() - t0);
  }
  roundSeconds.push((performance.now() - roundStarted) / 1000);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
results.corpus = { dir: path.relative(process.cwd(), corpusDir) || '.', documents: docs.length, megabytes: round(totalBytes / 1e6, 3) };
results.singleThread = {
  rounds: ROUNDS,
  mbPerSecond: round((totalBytes * ROUNDS) / 1e6 / seconds),
  // A round slowed by another process on a shared machine moves the mean; the median round does not.
  medianRoundMbPerSecond: round(totalBytes / 1e6 / median(roundSeconds)),
  documentsPerSecond: round((docs.length * ROUNDS) / seconds, 1),
  latencyMs: { p50: round(pct(50)), p95: round(pct(95)), max: round(latencies[latencies.length - 1]) },
};
row('documents (in process)', `${docs.length} (${results.corpus.megabytes} MB) in ${results.corpus.dir}`);
row('throughput, one thread', `${results.singleThread.mbPerSecond} MB/s, ${results.singleThread.documentsPerSecond} documents/s (${ROUNDS} rounds; median round ${results.singleThread.medianRoundMbPerSecond} MB/s)`);
row('latency per document', `p50 ${results.singleThread.latencyMs.p50} ms, p95 ${results.singleThread.latencyMs.p95} ms, max ${results.singleThread.latencyMs.max} ms`);

results.inProcessPeakRssMb = round(process.resourceUsage().maxRSS / 1024, 0);
row('peak RSS, in process', `${results.inProcessPeakRssMb} MB`);

// --- cold start ---------------------------------------------------------------------------------
const one = docs.reduce((a, b) => (Math.abs(a.bytes - 20_000) < Math.abs(b.bytes - 20_000) ? a : b)).file;
const cold = [];
for (let i = 0; i < 7; i++) cold.push(timeNode(bin, ['--format', 'json', one], { cwd: root }).ms);
results.coldStartMs = { file: path.basename(one), median: round(median(cold), 0), min: round(Math.min(...cold), 0) };
row('cold start (CLI, one file)', `median ${results.coldStartMs.median} ms, min ${results.coldStartMs.min} ms (${results.coldStartMs.file})`);

// --- the CLI over the batch, one worker and the pool; peers on the same files -----------------
const batch = batchSet(corpusDir, COPIES);
try {
  const mb = batch.bytes / 1e6;
  results.batch = { set: batch.label, files: batch.files, megabytes: round(mb, 1) };
  row('batch set', `${batch.files} files, ${round(mb, 1)} MB (${batch.label})`);
  const help = spawnSync(process.execPath, [bin, '--help', '--locale', 'en'], { encoding: 'utf8' }).stdout ?? '';
  const hasPool = help.includes('--concurrency');
  const cli = (extra) => timeNode(bin, ['--format', 'json', ...extra, '.'], { cwd: batch.dir, runs: 2 });
  const describe = (r) => `${round(r.ms / 1000)} s, ${round(mb / (r.ms / 1000))} MB/s, ${round(batch.files / (r.ms / 1000), 0)} documents/s, peak RSS ${round(r.rssMb, 0)} MB`;

  const single = cli(hasPool ? ['--concurrency', 'off'] : []);
  results.batch.oneWorker = { seconds: round(single.ms / 1000), mbPerSecond: round(mb / (single.ms / 1000)), peakRssMb: round(single.rssMb, 0), status: single.status };
  row('CLI, one worker', describe(single));
  let pool;
  if (hasPool) {
    // A pool of one thread per core, forced: auto keeps a set this small on one thread.
    pool = cli(['--concurrency', String(os.availableParallelism())]);
    results.batch.pool = { seconds: round(pool.ms / 1000), mbPerSecond: round(mb / (pool.ms / 1000)), peakRssMb: round(pool.rssMb, 0), status: pool.status };
    row('CLI, worker pool', `${describe(pool)}; speed-up ${round(single.ms / pool.ms)}×`);
  } else {
    results.batch.pool = null;
    row('CLI, worker pool', 'not measured: this CLI has no --concurrency');
  }
  const ours = pool && pool.ms < single.ms ? pool : single;

  // What no pool can beat here: the files shared between separate processes started together, which
  // share no heap, no JIT warm-up and no messages. One share alone shows the fixed cost per process.
  const cores = os.availableParallelism();
  let bound;
  if (hasPool && cores > 1) {
    const names = fs.readdirSync(batch.dir).sort();
    const shares = Array.from({ length: cores }, (_, k) => names.filter((_, i) => i % cores === k));
    const args = (share) => ['--format', 'json', '--concurrency', 'off', ...share];
    const alone = timeNode(bin, args(shares[0]), { cwd: batch.dir, runs: 2 });
    const together = await timeNodeTogether(bin, shares.map(args), { cwd: batch.dir, runs: 2 });
    bound = together;
    results.batch.separateProcesses = { processes: cores, seconds: round(together.ms / 1000), oneShareAloneSeconds: round(alone.ms / 1000) };
    // The fixed cost each process or thread pays: start-up (the cold-start figure) and JIT warm-up.
    const passes = spawnSync(process.execPath, [path.join(root, 'bench/lib/passes.mjs'), batch.dir], { encoding: 'utf8' });
    if (passes.status === 0) {
      const { firstMs, secondMs } = JSON.parse(passes.stdout);
      results.batch.passesInProcess = { firstSeconds: round(firstMs / 1000), secondSeconds: round(secondMs / 1000) };
      row('in process, first and second pass', `${round(firstMs / 1000)} s, then ${round(secondMs / 1000)} s: JIT warm-up ≈ ${round((firstMs - secondMs) / 1000)} s per process or thread`);
    }
    row(
      `bound: ${cores} separate processes`,
      `${round(together.ms / 1000)} s with 1/${cores} of the files each (${round(single.ms / together.ms)}× one process; one share alone ${round(alone.ms / 1000)} s): the best any pool can do here`,
    );
  }

  results.peers = [];
  const peers = opts['no-peers'] ? [] : installedPeers();
  if (peers.length === 0 && !opts['no-peers']) row('peers', 'not installed (npm run bench:peers-install)');
  for (const peer of peers) {
    const subset = opts['textlint-all'] ? undefined : peer.subset;
    let cwd = batch.dir;
    let oursMs = ours.ms;
    let scope = `${batch.files} files`;
    if (subset && subset < batch.files) {
      cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-bench-subset-'));
      for (const f of fs.readdirSync(batch.dir).sort().slice(0, subset)) fs.copyFileSync(path.join(batch.dir, f), path.join(cwd, f));
      oursMs = timeNode(bin, ['--format', 'json', '.'], { cwd, runs: 2 }).ms;
      scope = `first ${subset} files`;
    }
    const r = timeNode(peer.script, peer.args, { cwd, runs: subset ? 1 : 2, env: { NODE_OPTIONS: '' } });
    if (cwd !== batch.dir) fs.rmSync(cwd, { recursive: true, force: true });
    const failed = r.error || r.signal || (r.status !== 0 && r.status !== 1);
    const entry = { name: peer.name, files: scope, seconds: round(r.ms / 1000), peakRssMb: round(r.rssMb, 0), ratio: round(oursMs / r.ms), status: r.status };
    if (bound && cwd === batch.dir) entry.boundRatio = round(bound.ms / r.ms);
    if (failed) entry.error = (r.error ?? r.stderr.trim().split('\n').pop() ?? `signal ${r.signal}`).slice(0, 200);
    results.peers.push(entry);
    row(
      `peer: ${peer.name}`,
      failed
        ? `failed: ${entry.error}`
        : `${entry.seconds} s on ${scope}, peak RSS ${entry.peakRssMb} MB; gongwen-lint/peer time ratio ${entry.ratio}${entry.boundRatio === undefined ? '' : ` (separate processes: ${entry.boundRatio})`}`,
    );
  }
} finally {
  batch.remove();
}

// --- the other suites ----------------------------------------------------------------------------
results.suites = {};
if (!opts['no-others']) {
  for (const name of ['workflows', 'lsp', 'web']) {
    const script = path.join(root, 'bench', `${name}.mjs`);
    if (!fs.existsSync(script)) continue;
    console.log(`\n--- bench/${name}.mjs`);
    const t0 = performance.now();
    // A suite that has figures to keep writes them to --json.
    const figures = path.join(os.tmpdir(), `gwl-bench-${name}-${process.pid}.json`);
    const r = spawnSync(process.execPath, [script, ...(name === 'workflows' ? ['--json', figures] : [])], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
    results.suites[name] = { status: r.status, seconds: round((performance.now() - t0) / 1000) };
    if (fs.existsSync(figures)) {
      results.suites[name].figures = JSON.parse(fs.readFileSync(figures, 'utf8'));
      fs.rmSync(figures);
    }
  }
}

fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nbench: figures written to ${path.relative(process.cwd(), path.join(root, 'bench/results.json'))} (load average at start ${results.machine.loadAverage.join(' ')} on ${results.machine.cpus} cores)`);
