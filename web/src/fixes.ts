import type { Finding, Fix } from '../../src/types.js';

export function fixable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix);
}

/**
 * Applies fixes to `text` in one pass. Fixes that overlap an earlier one are skipped (they were
 * computed against text the earlier fix changes); the next lint offers them again if still valid.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.start < at || fix.end > text.length) continue;
    out += text.slice(at, fix.start) + fix.text;
    at = fix.end;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}
