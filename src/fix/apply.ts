import type { Finding, Fix } from '../types.js';

/** The original text, or what a report holds of it: fixes only read their own spans. */
export interface Sliceable {
  slice(start: number, end: number): string;
}

export interface FixPlan {
  /** The edits to apply, sorted and disjoint. */
  edits: Fix[];
  /** Findings whose fixes were chosen. */
  applied: Finding[];
  /** Fixable findings left out because an edit overlaps one already chosen. */
  skipped: Finding[];
}

/**
 * The smallest edits that turn the fix's span into its text. A fix of the same length is split
 * where characters differ, so that one finding covering a paragraph (all its half-width commas)
 * does not collide with another rule's fix of a different character inside that paragraph.
 */
export function minimalEdits(original: Sliceable, fix: Fix): Fix[] {
  const before = original.slice(fix.start, fix.end);
  const after = fix.text;
  if (before === after) return [];
  if (before.length === after.length) {
    const edits: Fix[] = [];
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      let j = i + 1;
      while (j < before.length && before[j] !== after[j]) j++;
      edits.push({ start: fix.start + i, end: fix.start + j, text: after.slice(i, j) });
      i = j;
    }
    return edits;
  }
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return [{ start: fix.start + p, end: fix.end - s, text: after.slice(p, after.length - s) }];
}

function collides(a: Fix, b: Fix): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Two insertions at one point (or an insertion at a replaced span's edge) have no defined order.
  return (a.start === a.end || b.start === b.end) && (a.start === b.start || a.end === b.end || a.start === b.end || a.end === b.start);
}

/**
 * Chooses the fixes to apply in one pass. Findings are taken in order; a finding's edits are
 * applied all or none, and none may overlap an edit already chosen (the same edit proposed by two
 * rules counts once). Text outside the chosen edits is never touched.
 */
export function planFixes(original: Sliceable, findings: readonly Finding[]): FixPlan {
  const chosen: Fix[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  const sorted = findings.filter((f) => f.fix).sort((a, b) => a.fix!.start - b.fix!.start || a.fix!.end - b.fix!.end);
  for (const finding of sorted) {
    const edits = minimalEdits(original, finding.fix!);
    const fresh = edits.filter((e) => !chosen.some((c) => c.start === e.start && c.end === e.end && c.text === e.text));
    if (fresh.some((e) => overlapsChosen(chosen, e))) {
      skipped.push(finding);
      continue;
    }
    for (const e of fresh) insertSorted(chosen, e);
    applied.push(finding);
  }
  return { edits: chosen, applied, skipped };
}

function lowerBound(chosen: Fix[], start: number): number {
  let lo = 0;
  let hi = chosen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chosen[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsChosen(chosen: Fix[], e: Fix): boolean {
  const i = lowerBound(chosen, e.start);
  // Chosen edits are disjoint and sorted, so only the neighbours can collide.
  for (let k = Math.max(0, i - 1); k < Math.min(chosen.length, i + 2); k++) if (collides(chosen[k], e)) return true;
  return false;
}

function insertSorted(chosen: Fix[], e: Fix): void {
  chosen.splice(lowerBound(chosen, e.start), 0, e);
}

/** Applies disjoint, sorted edits; characters outside them are copied unchanged. */
export function applyEdits(text: string, edits: readonly Fix[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
