export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

/** Fewer files than this finish before a bar would be worth reading. */
const PROGRESS_MIN_FILES = 40;

/**
 * A progress bar on stderr, only for a person watching: stderr is a terminal, not in CI, and
 * enough files to wait for. Reports on stdout are never touched.
 */
export async function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  if (total < PROGRESS_MIN_FILES || !stream.isTTY || process.env.CI) return NONE;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { stream, format: 'gongwen-lint [{bar}] {value}/{total} {percentage}%', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
