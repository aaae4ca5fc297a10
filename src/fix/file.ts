import type { LintOptions, LintResult } from '../engine/lint.js';
import type { DecodedText } from '../input/decode.js';
import type { SourceFormat } from '../types.js';
import { unifiedDiff } from './diff.js';
import { fixText } from './index.js';
import { FixWriteError, writeFixed } from './write.js';

export interface FileFixOutcome {
  /** What is left to report: the lint of the fixed text (of the original text on a dry run or failure). */
  result: LintResult;
  /** Findings fixed (or, on a dry run, that would be). */
  fixed: number;
  /** The unified diff, on a dry run with changes. */
  diff?: string;
  error?: FixWriteError;
}

/** --fix and --fix-dry-run for one file that has been read and linted. */
export async function fixFile(
  file: { path: string; display: string },
  decoded: DecodedText,
  format: SourceFormat,
  options: LintOptions,
  first: LintResult,
  dryRun: boolean,
): Promise<FileFixOutcome> {
  const outcome = await fixText(decoded.text, format, options, first);
  const fixed = outcome.plan.applied.length;
  if (outcome.output === decoded.text) return { result: first, fixed: 0 };
  if (dryRun) return { result: first, fixed, diff: unifiedDiff(file.display, decoded.text, outcome.output) };
  try {
    await writeFixed(file.path, decoded, outcome.output);
  } catch (e) {
    if (e instanceof FixWriteError) return { result: first, fixed: 0, error: e };
    throw e;
  }
  return { result: outcome.result, fixed };
}
