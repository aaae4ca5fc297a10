import { applyEdits, planFixes } from '../../src/fix/apply.js';
import type { Finding } from '../../src/types.js';

export function fixable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix);
}

/**
 * The CLI's --fix planning: each finding's fix all or nothing, no two edits overlapping, text
 * outside the edits untouched. Findings left out are offered again by the next lint if still valid.
 */
export function applyFindingFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const plan = planFixes(text, findings);
  return { text: applyEdits(text, plan.edits), applied: plan.applied.length };
}
