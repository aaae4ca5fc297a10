import { PREPARED } from './prepared-data.js';

/**
 * Costly, pure steps of compiling the built-in rules — reading a regex's syntax tree for where its
 * matches start and which characters they need, filtering OpenCC's table into traditional-character
 * entries — done once, when the package is built. The build compiles the built-in rules while
 * recording, and the bundler inlines what was recorded (scripts/build.mjs); so the CLI starts without
 * parsing a regex or a dictionary. User rules, and the sources the tests run, compute on demand.
 *
 * A value is found by what alone determines it (a regex's flags and source), so it cannot go stale
 * while the code that computes it is unchanged, and the build always computes afresh.
 */
let recording: Map<string, unknown> | undefined;

const idOf = (kind: string, key: string) => `${kind}\u0000${key}`;

/** The value of `compute` for `key`: as the build computed it, or computed now. Callers must not change it. */
export function prepared<T>(kind: string, key: string, compute: () => T): T {
  const id = idOf(kind, key);
  if (Object.hasOwn(PREPARED, id)) return PREPARED[id] as T;
  const value = compute();
  recording?.set(id, value);
  return value;
}

/** `prepared` for a computation that loads what it needs. */
export async function preparedAsync<T>(kind: string, key: string, compute: () => Promise<T>): Promise<T> {
  const id = idOf(kind, key);
  if (Object.hasOwn(PREPARED, id)) return PREPARED[id] as T;
  const value = await compute();
  recording?.set(id, value);
  return value;
}

/** From now on, values computed are also kept in the map returned (the build's side). */
export function recordPrepared(): Map<string, unknown> {
  recording = new Map();
  return recording;
}

/** The regex's identity as a key: flags and source. */
export const regexKey = (re: RegExp) => `${re.flags}/${re.source}`;
