import { lintText, type LintOptions, type LintResult } from '../engine/lint.js';
import type { SourceFormat } from '../types.js';
import { applyEdits, planFixes, type FixPlan } from './apply.js';

export { applyEdits, minimalEdits, planFixes, type FixPlan } from './apply.js';

export interface FixOutcome {
  /** The text with the chosen fixes applied (the input when there was nothing to fix). */
  output: string;
  plan: FixPlan;
  /** The lint of `output`: what is left for the user. */
  result: LintResult;
}

/** Lints, applies the safe fixes in one pass, and lints the result again. */
export async function fixText(text: string, format: SourceFormat, options: LintOptions, first?: LintResult): Promise<FixOutcome> {
  const before = first ?? (await lintText(text, format, options));
  const plan = planFixes(text, before.findings);
  if (plan.edits.length === 0) return { output: text, plan, result: before };
  const output = applyEdits(text, plan.edits);
  return { output, plan, result: await lintText(output, format, options) };
}
