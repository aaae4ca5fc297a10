// npm run bench [DIR] — throughput and per-document latency of the built engine over a folder of
// documents (default samples/), on one core, plus the CLI's cold start on one file.
// Prints a table; figures also go to bench/results.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { decode, formatOf, lintText, loadRules } = await import(path.join(root, 'dist/index.js'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const dir = path.resolve(process.argv[2] ?? path.join(root, 'samples'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : walk(p);
    return /\.(txt|md|markdown)$/i.test(e.name) ? [p] : [];
  });
}

const files = walk(dir).sort();
if (files.length === 0) {
  console.error(`bench: no .txt or .md files in ${dir}`);
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

// Warm-up: JIT and lazily loaded parsers, as in a long-running editor session.
for (const d of docs) await lintText(d.text, d.format, { rules });

const latencies = [];
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const d of docs) {
    const t0 = performance.now();
    await lintText(d.text, d.format, { rules });
    latencies.push({ ms: performance.now() - t0, kb: d.bytes / 1024 });
  }
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a.ms - b.ms);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].ms;

const bin = path.join(root, pkg.bin['gongwen-lint']);
const one = docs.reduce((a, b) => (Math.abs(a.bytes - 20000) < Math.abs(b.bytes - 20000) ? a : b)).file;
const cold = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [bin, '--format', 'json', one], { stdio: 'ignore' });
  } catch {
    // exit status 1 means findings, which is fine here
  }
  cold.push(performance.now() - t0);
}
cold.sort((a, b) => a - b);

const results = {
  version: pkg.version,
  node: process.version,
  corpus: { dir: path.relative(process.cwd(), dir) || '.', documents: docs.length, megabytes: +(totalBytes / 1e6).toFixed(3) },
  singleCore: {
    rounds: ROUNDS,
    mbPerSecond: +((totalBytes * ROUNDS) / 1e6 / seconds).toFixed(2),
    documentsPerSecond: +((docs.length * ROUNDS) / seconds).toFixed(1),
    latencyMs: { p50: +pct(50).toFixed(2), p95: +pct(95).toFixed(2), max: +latencies[latencies.length - 1].ms.toFixed(2) },
  },
  coldStartMs: { file: path.basename(one), median: +cold[3].toFixed(0), min: +cold[0].toFixed(0) },
};

const rows = [
  ['documents', `${docs.length} (${results.corpus.megabytes} MB) in ${results.corpus.dir}`],
  ['throughput, one core', `${results.singleCore.mbPerSecond} MB/s, ${results.singleCore.documentsPerSecond} documents/s`],
  ['latency per document', `p50 ${results.singleCore.latencyMs.p50} ms, p95 ${results.singleCore.latencyMs.p95} ms, max ${results.singleCore.latencyMs.max} ms`],
  ['cold start (node bin, one file)', `median ${results.coldStartMs.median} ms, min ${results.coldStartMs.min} ms (${results.coldStartMs.file})`],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
