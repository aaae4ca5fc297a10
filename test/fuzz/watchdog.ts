// A hang (an engine stuck in a loop or a regex backtracking for minutes) blocks the thread that
// runs it, so the thread cannot report it. A watchdog thread is told of each document before it is
// linted, and the linting thread sends a heartbeat while its event loop turns (waiting for a module
// to load is not a hang). If the heartbeat stops for HANG_MS while a document is being linted, the
// watchdog saves the document to test-artifacts/ and ends the process, so that the fuzz run fails
// with the input that hung instead of stalling.
import { Worker } from 'node:worker_threads';

// Generous (a loaded machine can stall a thread for seconds; a real hang lasts forever): the
// per-document CPU limit (invariants.ts) is what catches a slow document.
const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 30_000);

const WATCHDOG = `
const fs = require('node:fs');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
let timer;
let text;
parentPort.on('message', (m) => {
  clearTimeout(timer);
  if (m.beat === undefined) text = m.text;
  if (text === undefined) return;
  timer = setTimeout(() => {
    const dir = path.resolve('test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'fuzz-hang-' + Date.now() + '.txt');
    fs.writeFileSync(file, text);
    fs.writeSync(2, 'fuzz: the linting thread was blocked for ' + workerData.hangMs + ' ms; the document is in ' + file + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }, workerData.hangMs);
});
`;

let worker: Worker | undefined;

/** Starts watching one document; call the returned function when linting it has finished. */
export function watch(text: string): () => void {
  if (!worker) {
    worker = new Worker(WATCHDOG, { eval: true, workerData: { hangMs: HANG_MS } });
    worker.unref();
  }
  worker.postMessage({ text });
  const beat = setInterval(() => worker!.postMessage({ beat: true }), 250);
  return () => {
    clearInterval(beat);
    worker!.postMessage({ text: undefined });
  };
}
