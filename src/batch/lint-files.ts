import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RuleRegistry } from '../config/rule-set.js';
import { decode } from '../input/decode.js';
import type { LintCache } from './cache.js';
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';
import { progressBar } from './progress.js';

/** Below this many documents to lint, starting worker threads costs more than it saves. */
export const POOL_MIN_FILES = 40;

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

function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') return files < POOL_MIN_FILES ? 1 : Math.min(os.availableParallelism(), Math.ceil(files / POOL_MIN_FILES * 2));
  return Math.max(1, Math.min(concurrency, files));
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
  const bytes: Array<Uint8Array | undefined> = new Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    if (options.cache) {
      bytes[i] = readBytes(job.path);
      const hit = bytes[i] && options.cache.get(job, bytes[i]!);
      if (hit) {
        const needsText = hit.text === undefined && (hit.findings.length > 0 || hit.suppressed.length > 0);
        outcomes[i] = { ...hit, path: job.path, display: job.display, ...(needsText && { text: decode(bytes[i]!, job.encoding).text }) };
        continue;
      }
    }
    pending.push(i);
  }

  const progress = options.progress ? await progressBar(pending.length) : undefined;
  const done = (i: number, outcome: FileOutcome) => {
    outcomes[i] = outcome;
    if (options.cache && bytes[i]) options.cache.set(jobs[i], bytes[i]!, outcome);
    progress?.tick();
  };
  // A bad configuration fails here, once, before any document is linted (each worker would fail alike);
  // with a pool this overlaps the threads' start-up.
  const validate = async () => {
    for (const config of new Set(pending.map((i) => jobs[i].config))) await options.registry.prepare(config);
  };
  try {
    const threads = threadCount(options.concurrency, pending.length);
    const worker = threads > 1 ? workerFile() : undefined;
    if (worker) {
      const { Piscina } = await import('piscina');
      const pool = new Piscina<FileJob, FileOutcome>({ filename: worker, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
      try {
        await validate();
        await Promise.all(pending.map((i) => pool.run(jobs[i]).then((outcome) => done(i, outcome))));
      } finally {
        await pool.destroy();
      }
    } else {
      await validate();
      for (const i of pending) done(i, await lintFile(jobs[i], options.registry));
    }
  } finally {
    progress?.stop();
  }
  options.cache?.save();
  return outcomes;
}
