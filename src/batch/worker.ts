import { RuleRegistry } from '../config/rule-set.js';
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';

// One registry per thread: each distinct configuration's rules are compiled once per worker.
const registry = new RuleRegistry(process.cwd());

/** Piscina's task function: one document in, its plain-data outcome out. */
export default function lintInWorker(job: FileJob): Promise<FileOutcome> {
  return lintFile(job, registry);
}
