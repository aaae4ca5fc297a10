import type { RuleDefinition } from '../rules/definition.js';
import type { Finding, Level } from '../types.js';

const RANK: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/** What a finding points at: its span and the text its fix would rewrite. */
function extent(f: Finding): { start: number; end: number } {
  return f.fix ? { start: Math.min(f.start, f.fix.start), end: Math.max(f.end, f.fix.end) } : f;
}

/**
 * Drops the findings that a more specific rule's finding replaces (a rule's `supersedes`): the `XX`
 * of 党的XX大 is reported once, as the garbled formulation, not also as a placeholder; punctuation
 * inside a pasted web footer is not reported beside the footer. A finding goes only when one
 * finding of a superseding rule covers all it points at and is at least as severe, so exit codes
 * and --max-warnings never weaken. Runs on what is left after suppression: a directive that hides
 * the specific finding brings the general one back. Order of `findings` is kept.
 */
export function dropSuperseded(findings: Finding[], rules: ReadonlyArray<{ definition: RuleDefinition }>): Finding[] {
  const supersededBy = new Map<string, Set<string>>();
  for (const { definition } of rules) {
    for (const id of definition.supersedes ?? []) {
      if (!supersededBy.has(id)) supersededBy.set(id, new Set());
      supersededBy.get(id)!.add(definition.id);
    }
  }
  if (supersededBy.size === 0) return findings;

  const covers = new Map<string, Finding[]>();
  const candidates = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const [id, by] of supersededBy) {
      if (by.has(f.ruleId)) push(covers, id, f);
    }
    if (supersededBy.has(f.ruleId)) push(candidates, `${f.level} ${f.ruleId}`, f);
  }
  const dropped = new Set<Finding>();
  for (const list of candidates.values()) {
    const level = RANK[list[0].level];
    const over = (covers.get(list[0].ruleId) ?? []).filter((c) => RANK[c.level] >= level).sort((a, b) => a.start - b.start);
    if (over.length === 0) continue;
    // Sweep by start: some cover contains [start, end) iff the furthest end among the covers that
    // start at or before `start` reaches `end`.
    const spans = list.map((f) => ({ f, ...extent(f) })).sort((a, b) => a.start - b.start);
    let next = 0;
    let reach = -1;
    for (const s of spans) {
      while (next < over.length && over[next].start <= s.start) reach = Math.max(reach, over[next++].end);
      if (reach >= s.end) dropped.add(s.f);
    }
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

function push(map: Map<string, Finding[]>, key: string, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}
