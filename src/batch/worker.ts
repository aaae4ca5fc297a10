import { RuleRegistry } from '../config/rule-set.js';
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';

// One registry per thread: each distinct configuration's rules are compiled once per worker.
const registry = new RuleRegistry(process.cwd());

/** Piscina's task function: a batch of documents in, their plain-data outcomes out, in order. */
export default async function lintInWorker(jobs: FileJob[]): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const job of jobs) out.push(await lintFile(job, registry));
  return out;
}
