import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file's fixes, as `git diff` shows it (a/ and b/ prefixes). */
export function unifiedDiff(display: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, { context: 3 });
}
