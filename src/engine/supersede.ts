import type { RuleDefinition } from '../rules/definition.js';
import type { Finding, Level } from '../types.js';

type Rules = ReadonlyArray<{ definition: RuleDefinition }>;

const RANK: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/** Superseding rule id → the rule ids it supersedes, for one rule list (empty when none does). */
const relations = new WeakMap<Rules, Map<string, readonly string[]>>();

function relation(rules: Rules): Map<string, readonly string[]> {
  let map = relations.get(rules);
  if (!map) {
    map = new Map(rules.filter((r) => r.definition.supersedes).map((r) => [r.definition.id, r.definition.supersedes!]));
    relations.set(rules, map);
  }
  return map;
}

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
export function dropSuperseded(findings: Finding[], rules: Rules): Finding[] {
  const supersedes = relation(rules);
  if (supersedes.size === 0) return findings;
  // Superseded rule id → the findings that may cover its findings. Most documents have none, and
  // then nothing more is allocated.
  const covers = new Map<string, Finding[]>();
  for (const f of findings) {
    const targets = supersedes.get(f.ruleId);
    if (targets) for (const id of targets) push(covers, id, f);
  }
  if (covers.size === 0) return findings;

  const candidates = new Map<string, Finding[]>();
  for (const f of findings) if (covers.has(f.ruleId)) push(candidates, f.ruleId, f);
  const dropped = new Set<Finding>();
  for (const [id, list] of candidates) {
    const over = covers.get(id)!.sort((a, b) => a.start - b.start);
    const spans = list.map((f) => ({ f, ...extent(f) })).sort((a, b) => a.start - b.start);
    // Sweep by start: a cover at least as severe contains [start, end) iff the furthest end among
    // such covers that start at or before `start` reaches `end`; reach[r] is that end for rank r.
    const reach = [-1, -1, -1];
    let next = 0;
    for (const s of spans) {
      for (; next < over.length && over[next].start <= s.start; next++) {
        for (let r = RANK[over[next].level]; r >= 0; r--) reach[r] = Math.max(reach[r], over[next].end);
      }
      if (reach[RANK[s.f.level]] >= s.end) dropped.add(s.f);
    }
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

function push(map: Map<string, Finding[]>, key: string, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}
