import type { LineIndex } from '../model/line-index.js';
import { lastAtOrBefore } from '../model/sorted.js';
import type { Finding, Span } from '../types.js';
import type { Directive } from './directives.js';

/** A finding a directive turned off; reports may still show it (SARIF suppressions, JSON). */
export interface SuppressedFinding extends Finding {
  justification?: string;
}

/** Part of the document where a directive turns off one rule (or, with `rule` null, every rule). */
interface Region extends Span {
  directive: Directive;
  rule: string | null;
}

export interface UnusedDirective {
  directive: Directive;
  /** The rule named that had nothing to suppress; null for a directive naming no rule. */
  rule: string | null;
}

/**
 * For each line, the next line after it with text, skipping blank lines and lines that are
 * directives themselves: built once, right to left, so 10^5 directives in a row stay linear.
 */
function nextLineTable(lines: LineIndex, directives: Directive[]): Int32Array {
  const text = lines.text;
  // A line is a directive's when one directive spans its text: the directive starting last at or
  // before the text, with the farthest end among those (prefix maximum), tells.
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  const starts = sorted.map((d) => d.start);
  const reach: number[] = [];
  for (const d of sorted) reach.push(Math.max(d.end, reach[reach.length - 1] ?? -1));
  const next = new Int32Array(lines.lineCount + 2).fill(-1);
  for (let l = lines.lineCount; l >= 1; l--) {
    const span = lines.lineSpan(l);
    const raw = text.slice(span.start, span.end);
    const body = raw.trim();
    const start = span.start + raw.indexOf(body);
    const end = start + body.length;
    const i = lastAtOrBefore(starts, start);
    const isDirective = sorted.length > 0 && starts[i] <= start && reach[i] >= end;
    next[l - 1] = body !== '' && !isDirective ? l : next[l];
  }
  return next;
}

function regions(directives: Directive[], lines: LineIndex): Region[] {
  const out: Region[] = [];
  let table: Int32Array | undefined;
  const open = new Map<string | null, Region>();
  const targets = (d: Directive) => (d.rules.length ? d.rules : [null]);
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-next-line': {
        table ??= nextLineTable(lines, directives);
        const line = table[lines.position(d.end - 1).line];
        const span = line === -1 ? undefined : lines.lineSpan(line);
        if (span) for (const rule of targets(d)) out.push({ ...span, directive: d, rule });
        else for (const rule of targets(d)) out.push({ start: d.end, end: d.end, directive: d, rule });
        break;
      }
      case 'disable-line': {
        const start = lines.lineSpan(lines.position(d.start).line).start;
        const end = lines.lineSpan(lines.position(d.end - 1).line).end;
        for (const rule of targets(d)) out.push({ start, end, directive: d, rule });
        break;
      }
      case 'disable':
        for (const rule of targets(d)) {
          if (open.has(rule)) continue;
          const region = { start: d.end, end: lines.text.length, directive: d, rule };
          open.set(rule, region);
          out.push(region);
        }
        break;
      case 'enable': {
        const closing = d.rules.length ? d.rules : [...open.keys()];
        for (const rule of closing) {
          const region = open.get(rule);
          if (!region) continue;
          region.end = d.start;
          open.delete(rule);
        }
        break;
      }
    }
  }
  return out;
}

export interface SuppressionResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  unused: UnusedDirective[];
}

/** Indices into `sorted` (ascending starts) of the first element whose start is ≥ `value`. */
function firstAtOrAfter(sorted: readonly Finding[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A min-heap of region indices: the active region named first wins, as directives are read in order. */
class IndexHeap {
  readonly items: number[] = [];
  push(v: number): void {
    const a = this.items;
    a.push(v);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (a.length === 0) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l] < a[m]) m = l;
      if (r < a.length && a[r] < a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
  }
}

/**
 * The filter stage after the rules: drops findings inside disabled regions, and notes directives
 * that dropped nothing. One sweep over findings and regions in offset order (n·log n): a finding is
 * suppressed by the first region, in directive order, that covers its start; a region is used when
 * any finding of its rule starts inside it.
 */
export function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex): SuppressionResult {
  if (directives.length === 0) return { findings, suppressed: [], unused: [] };
  const all = regions(directives, lines);
  const byStart = all.map((_, i) => i).sort((a, b) => all[a].start - all[b].start);
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i);
  // Active regions per rule (null: every rule), expired ones dropped when they reach the top.
  const active = new Map<string | null, IndexHeap>();
  const heapOf = (rule: string | null) => {
    let h = active.get(rule);
    if (!h) active.set(rule, (h = new IndexHeap()));
    return h;
  };
  const firstCovering = (rule: string | null, at: number): number | undefined => {
    const h = active.get(rule);
    if (!h) return undefined;
    while (h.items.length && all[h.items[0]].end <= at) h.pop();
    return h.items[0];
  };
  const verdict: Array<Region | undefined> = new Array(findings.length);
  let r = 0;
  for (const { f, i } of ordered) {
    for (; r < byStart.length && all[byStart[r]].start <= f.start; r++) heapOf(all[byStart[r]].rule).push(byStart[r]);
    const a = firstCovering(null, f.start);
    const b = firstCovering(f.ruleId, f.start);
    const hit = a === undefined ? b : b === undefined ? a : Math.min(a, b);
    verdict[i] = hit === undefined ? undefined : all[hit];
  }
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  findings.forEach((f, i) => {
    const hit = verdict[i];
    if (!hit) kept.push(f);
    else suppressed.push({ ...f, ...(hit.directive.justification && { justification: hit.directive.justification }) });
  });
  // Every region covering a finding of its rule counts as used: two directives for one finding are not "unused".
  const sortedFindings = ordered.map((o) => o.f);
  const ofRule = new Map<string, Finding[]>();
  for (const f of sortedFindings) {
    let list = ofRule.get(f.ruleId);
    if (!list) ofRule.set(f.ruleId, (list = []));
    list.push(f);
  }
  const covers = (region: Region) => {
    const list = region.rule === null ? sortedFindings : ofRule.get(region.rule) ?? [];
    const k = firstAtOrAfter(list, region.start);
    return k < list.length && list[k].start < region.end;
  };
  const unused = all.filter((region) => !covers(region)).map((region) => ({ directive: region.directive, rule: region.rule }));
  return { findings: kept, suppressed, unused };
}

/**
 * Drops the fix of a finding whose fix reaches into a region disabled for its rule: a paragraph's
 * fix (all its half-width commas) must not rewrite a line under `disable-line`, where the finding
 * of that line was suppressed. The finding stays, without a fix.
 */
export function withoutFixesInDisabled(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0 || !findings.some((f) => f.fix)) return findings;
  // Per rule (null: every rule), the disabled spans sorted and merged, for a binary search.
  const byRule = new Map<string | null, Span[]>();
  for (const r of regions(directives, lines)) {
    if (r.start === r.end) continue;
    let list = byRule.get(r.rule);
    if (!list) byRule.set(r.rule, (list = []));
    list.push({ start: r.start, end: r.end });
  }
  for (const [rule, list] of byRule) {
    list.sort((a, b) => a.start - b.start);
    const merged: Span[] = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    byRule.set(rule, merged);
  }
  const touches = (list: Span[] | undefined, start: number, end: number) => {
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    // An insertion (start === end) touches a region it stands inside.
    return lo < list.length && list[lo].start < Math.max(end, start + 1);
  };
  return findings.map((f) => {
    if (!f.fix || !(touches(byRule.get(null), f.fix.start, f.fix.end) || touches(byRule.get(f.ruleId), f.fix.start, f.fix.end))) return f;
    const { fix: _fix, ...rest } = f;
    return rest;
  });
}
