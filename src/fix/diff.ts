import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file's fixes, as `git diff` shows it (a/ and b/ prefixes). */
export function unifiedDiff(display: string, before: string, after: string): string {
  // The library opens with a line of `=`; git-style diffs start at the `---` header.
  return createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
