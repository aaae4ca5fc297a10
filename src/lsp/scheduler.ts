/**
 * When to lint each document: at once on open and save, after a quiet period on change. One lint per
 * document at a time; edits during a lint queue exactly one more.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    private readonly lint: (uri: string) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  now(uri: string): void {
    this.cancel(uri);
    void this.start(uri);
  }

  later(uri: string, delayMs: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.start(uri);
      }, delayMs),
    );
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.again.delete(uri);
  }

  private cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async start(uri: string): Promise<void> {
    if (this.running.has(uri)) {
      this.again.add(uri);
      return;
    }
    this.running.add(uri);
    try {
      await this.lint(uri);
    } catch (e) {
      this.log(`${uri}: ${(e as Error)?.stack ?? e}`);
    } finally {
      this.running.delete(uri);
      if (this.again.delete(uri)) void this.start(uri);
    }
  }
}
