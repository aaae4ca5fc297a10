import { Worker } from 'node:worker_threads';
import type { LintOutcome, LintReply, LintRequest } from './protocol.js';

interface Job {
  request: LintRequest;
  resolve: (outcome: LintOutcome) => void;
}

/**
 * Runs lint requests one at a time in a worker thread. A request that takes longer than `timeoutMs`
 * is abandoned and the worker replaced; a worker that dies fails only the request it was running.
 */
export class WorkerLinter {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private current?: { job: Job; timer: NodeJS.Timeout };
  private nextId = 1;

  constructor(
    private readonly script: URL,
    private readonly log: (message: string) => void,
    public timeoutMs: number,
  ) {}

  lint(request: Omit<LintRequest, 'id'>): Promise<LintOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request: { ...request, id: this.nextId++ }, resolve });
      this.pump();
    });
  }

  dispose(): void {
    this.queue.length = 0;
    const worker = this.worker;
    this.worker = undefined;
    if (this.current) this.finish({ type: 'error', message: 'the language server is shutting down' });
    void worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', (reply: LintReply) => {
      if (worker === this.worker && this.current?.job.request.id === reply.id) this.finish(reply);
    });
    worker.on('error', (e) => {
      if (worker !== this.worker) return;
      this.log(`lint worker crashed: ${e.stack ?? e.message}`);
      this.worker = undefined;
      if (this.current) this.finish({ type: 'error', message: e.message, stack: e.stack });
    });
    worker.on('exit', (code) => {
      if (worker !== this.worker) return;
      this.log(`lint worker exited with code ${code}`);
      this.worker = undefined;
      if (this.current) this.finish({ type: 'error', message: `the lint worker exited (code ${code})` });
    });
    worker.unref();
    return worker;
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    this.worker ??= this.spawn();
    const timer = setTimeout(() => {
      this.log(`lint of a ${job.request.text.length}-character ${job.request.format} document took more than ${this.timeoutMs} ms; worker replaced`);
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
      this.finish({ type: 'timeout', ms: this.timeoutMs });
    }, this.timeoutMs);
    this.current = { job, timer };
    this.worker.postMessage(job.request);
  }

  private finish(outcome: LintReply | LintOutcome): void {
    const current = this.current!;
    clearTimeout(current.timer);
    this.current = undefined;
    current.job.resolve(outcome.type === 'error' ? { type: 'error', message: outcome.message, stack: outcome.stack } : outcome);
    this.pump();
  }
}
