import vm from 'node:vm';

/**
 * The per-document time budget (--max-time, `maxTime`): the last line of defence against a document
 * on which some stage is still super-linear. A document's synchronous work runs under node:vm's
 * watchdog, which stops running JavaScript (this thread's, whichever module it is in) once the time
 * is up and throws here; the document is reported as taking too long and the others go on.
 *
 * A thread stopped in the middle of a stage may leave a module's state half-updated (a regex's
 * lastIndex, a cache being filled): it lints no further document. The batch runner hands the rest
 * to fresh worker threads (src/batch/lint-files.ts).
 */

/** The default budget per document, in seconds: generous, a normal document takes well under one. */
export const DEFAULT_MAX_TIME = 60;

/**
 * Documents shorter than this are not watched. Starting the watchdog (a thread) costs ~0.3 ms of CPU
 * per document on a loaded two-core machine: 3,000 one-line files took 2.8-3.5 s of CPU watched and
 * 1.9-2.2 s not. Every stage is linear in size (test/adversarial.test.ts times them from 2,000 to
 * 32,000 characters), so a document this short lints in milliseconds; the fuzz suite's own watchdog
 * catches a stage that would loop on one.
 */
export const WATCH_MIN_CHARS = 8000;

export class TimeBudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded');
  }
}

/** This thread was stopped in the middle of a document and is not to lint another. */
export class ThreadStopped extends Error {
  constructor() {
    super('this thread was stopped by the time budget');
  }
}

let stopped = false;
let context: vm.Context | undefined;
let script: vm.Script | undefined;

/** Whether this thread has been stopped in the middle of a document. */
export function threadStopped(): boolean {
  return stopped;
}

/** Lets a stopped thread lint again: only where no other thread can (run from the sources, without the bundled worker). */
export function resumeStoppedThread(): void {
  stopped = false;
}

/**
 * Runs `work` (synchronous) and returns its result; with a `deadline` (performance.now() time), stops
 * it when the deadline passes and throws TimeBudgetExceeded. One watched call costs ~60 µs (the
 * watchdog is a thread): a document's work runs in as few as possible.
 */
export function withinBudget<T>(deadline: number | undefined, work: () => T): T {
  if (stopped) throw new ThreadStopped();
  if (deadline === undefined) return work();
  const left = Math.floor(deadline - performance.now());
  if (left < 1) throw new TimeBudgetExceeded();
  context ??= vm.createContext({ run: undefined });
  script ??= new vm.Script('run()');
  let result: { value: T } | undefined;
  context.run = () => {
    result = { value: work() };
  };
  try {
    script.runInContext(context, { timeout: left });
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
    // Stopped after the work was done: nothing was cut short.
    if (!result) {
      stopped = true;
      throw new TimeBudgetExceeded();
    }
  } finally {
    context.run = undefined;
  }
  return result!.value;
}
