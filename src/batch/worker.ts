import { RuleRegistry } from '../config/rule-set.js';
import { ThreadStopped, threadStopped } from './budget.js';
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';

// One registry per thread: each distinct configuration's rules are compiled once per worker.
const registry = new RuleRegistry(process.cwd());

/**
 * Piscina's task function: a batch of documents in, their plain-data outcomes out, in order. Once
 * the time budget has stopped this thread in the middle of a document, the documents it still holds
 * go back unlinted (`retry`) and the thread ends: the pool starts a fresh one.
 */
export default async function lintInWorker(jobs: FileJob[]): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const job of jobs) {
    let outcome: FileOutcome | undefined;
    if (!threadStopped()) {
      try {
        outcome = await lintFile(job, registry);
      } catch (e) {
        if (!(e instanceof ThreadStopped)) throw e;
      }
    }
    out.push(outcome ?? { path: job.path, display: job.display, kind: 'text', findings: [], suppressed: [], failures: [], retry: true });
  }
  if (threadStopped()) setImmediate(() => process.exit(0));
  return out;
}
