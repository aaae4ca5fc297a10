import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RuleRegistry } from '../config/rule-set.js';
import { resumeStoppedThread, ThreadStopped, threadStopped } from './budget.js';
import type { LintCache } from './cache.js';
import type { FileJob, FileOutcome } from './lint-file.js';
import { progressBar } from './progress.js';

/**
 * Below this much text a second thread does not pay for itself on two cores: each worker loads the
 * linter and warms up its JIT again, and one linting thread already keeps more than one core busy
 * (V8 collects garbage and compiles on helper threads). Measured on two cores, one thread against
 * two: 1.1 MB (100 files) 0.41 s vs 0.50 s, 3.1 MB 0.80 s vs 0.81 s, 9 MB 1.77 s vs 1.61 s,
 * 51 MB 3.7 s vs 2.7 s.
 */
const POOL_MIN_BYTES = 6 * 1024 * 1024;
/** Documents per task sent to a worker: fewer messages, still fine-grained enough to balance the threads. */
const BATCH = 8;
/**
 * Batches handed to each worker at once. Piscina gives a worker its next task only when this
 * thread, busy with its own batch, reads the last one's result: with one task at a time the worker
 * sat idle for a third of the run.
 */
const IN_FLIGHT = 3;

export type Concurrency = number | 'auto' | 'off';

export interface BatchOptions {
  registry: RuleRegistry;
  concurrency: Concurrency;
  cache?: LintCache;
  progress: boolean;
}

/** The bundled worker (dist/worker.js); absent when running from the TypeScript sources. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return fs.existsSync(file) ? file : undefined;
}

function threadCount(concurrency: Concurrency, files: string[]): number {
  if (concurrency === 'off' || files.length < 2) return 1;
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, files.length));
  let bytes = 0;
  for (const f of files) {
    bytes += statOf(f)?.size ?? 0;
    if (bytes >= POOL_MIN_BYTES) return Math.min(os.availableParallelism(), files.length);
  }
  return 1;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function readBytes(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    // lintFile reports why, in its own words.
    return undefined;
  }
}

/**
 * Lints documents, from the cache where possible, the rest in this thread or in a pool of worker
 * threads. Outcomes come back in the order of `jobs`, whatever order the workers finish in.
 */
export async function lintFiles(jobs: FileJob[], options: BatchOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const pending: number[] = [];
  // What the cache needs to store a new outcome: the bytes and stat of the file as it was linted.
  const seen: Array<{ stat: fs.Stats; bytes?: Uint8Array } | undefined> = new Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    const stat = options.cache && statOf(job.path);
    if (options.cache && stat) {
      const s: { stat: fs.Stats; bytes?: Uint8Array } = { stat };
      seen[i] = s;
      const read = () => (s.bytes ??= readBytes(job.path));
      const hit = options.cache.get(job, stat, read);
      if (hit) {
        outcomes[i] = { ...hit, path: job.path, display: job.display };
        continue;
      }
      // Hash what is about to be linted, not what the file holds afterwards.
      read();
    }
    pending.push(i);
  }

  const progress = options.progress ? await progressBar(pending.length) : undefined;
  const done = (i: number, outcome: FileOutcome) => {
    outcomes[i] = outcome;
    const s = seen[i];
    if (options.cache && s?.bytes) options.cache.set(jobs[i], s.bytes, s.stat, outcome);
    progress?.tick();
  };
  // A bad configuration fails here, once, before any document is linted (each worker would fail alike);
  // with a pool this overlaps the threads' start-up.
  const validate = async () => {
    for (const config of new Set(pending.map((i) => jobs[i].config))) await options.registry.prepare(config);
  };
  let pool: import('piscina').Piscina<FileJob[], FileOutcome[]> | undefined;
  try {
    const lanes = threadCount(options.concurrency, pending.map((i) => jobs[i].path));
    const worker = workerFile();
    type Pool = import('piscina').Piscina<FileJob[], FileOutcome[]>;
    const newPool = async (threads: number): Promise<Pool> =>
      new (await import('piscina')).Piscina<FileJob[], FileOutcome[]>({ filename: worker!, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: IN_FLIGHT });
    // This thread lints too, so N lanes are N - 1 workers and this one: one thread fewer to start,
    // and its share of the documents needs no copying between threads.
    pool = lanes > 1 && worker ? await newPool(lanes - 1) : undefined;
    try {
      // Loaded only when something is to be linted: a run served from the cache needs no parser or rule.
      const { lintFile } = pending.length ? await import('./lint-file.js') : { lintFile: undefined };
      await validate();
      const batches: number[][] = [];
      for (let b = 0; b < pending.length; b += BATCH) batches.push(pending.slice(b, b + BATCH));
      let next = 0;
      // Documents to lint again: a thread stopped by the time budget lints no more, and a worker that
      // ends takes the batches it held with it. Each is tried a few times at most.
      const retries: number[][] = [];
      const tries = new Map<number, number>();
      const take = () => retries.shift() ?? batches[next++];
      const again = (ids: number[], error: unknown) => {
        for (const i of ids) {
          const n = (tries.get(i) ?? 0) + 1;
          if (n > 3) throw error;
          tries.set(i, n);
        }
        if (ids.length) retries.push(ids);
      };
      const there = async () => {
        for (let batch = take(); batch; batch = take()) {
          const b = batch;
          let out: FileOutcome[];
          try {
            out = await pool!.run(b.map((i) => jobs[i]));
          } catch (e) {
            again(b, e);
            continue;
          }
          const left: number[] = [];
          out.forEach((outcome, k) => (outcome.retry ? left.push(b[k]) : done(b[k], outcome)));
          again(left, new ThreadStopped());
        }
      };
      const here = async () => {
        for (let batch = take(); batch; batch = take()) {
          for (let k = 0; k < batch.length; k++) {
            try {
              done(batch[k], await lintFile!(jobs[batch[k]], options.registry));
            } catch (e) {
              if (!(e instanceof ThreadStopped)) throw e;
              again([batch[k]], e);
            }
            if (threadStopped() && worker) {
              // This thread was stopped in the middle of a document: fresh workers lint the rest.
              again(batch.slice(k + 1), new ThreadStopped());
              pool ??= await newPool(1);
              await Promise.all(Array.from({ length: IN_FLIGHT }, there));
              return;
            }
            // Run from the sources (tests), there is no worker to hand the rest to.
            if (threadStopped()) resumeStoppedThread();
          }
          // Let the workers' finished batches in (they arrive as events, not microtasks) and send them more.
          if (pool) await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const workerLanes = pool ? Array.from({ length: (lanes - 1) * IN_FLIGHT }, there) : [];
      await Promise.all([...workerLanes, here()]);
    } finally {
      await pool?.destroy();
    }
  } finally {
    progress?.stop();
  }
  return outcomes;
}
