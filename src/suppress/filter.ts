import type { LineIndex } from '../model/line-index.js';
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

/** The next line with text after `line`, skipping blank lines and lines that are directives themselves. */
function nextLine(lines: LineIndex, line: number, directives: Directive[]): Span | undefined {
  const text = lines.text;
  for (let l = line + 1; l <= lines.lineCount; l++) {
    const span = lines.lineSpan(l);
    const raw = text.slice(span.start, span.end);
    const body = raw.trim();
    if (body === '') continue;
    const start = span.start + raw.indexOf(body);
    const end = start + body.length;
    if (directives.some((d) => d.start <= start && d.end >= end)) continue;
    return span;
  }
  return undefined;
}

function regions(directives: Directive[], lines: LineIndex): Region[] {
  const out: Region[] = [];
  const open = new Map<string | null, Region>();
  const targets = (d: Directive) => (d.rules.length ? d.rules : [null]);
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-next-line': {
        const span = nextLine(lines, lines.position(d.end - 1).line, directives);
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

/** The filter stage after the rules: drops findings inside disabled regions, and notes directives that dropped nothing. */
export function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex): SuppressionResult {
  if (directives.length === 0) return { findings, suppressed: [], unused: [] };
  const all = regions(directives, lines);
  const used = new Set<Region>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const hit = all.find((r) => f.start >= r.start && f.start < r.end && (r.rule === null || r.rule === f.ruleId));
    if (!hit) {
      kept.push(f);
      continue;
    }
    used.add(hit);
    // Every region covering the finding counts as used: two directives for one finding are not "unused".
    for (const r of all) if (f.start >= r.start && f.start < r.end && (r.rule === null || r.rule === f.ruleId)) used.add(r);
    suppressed.push({ ...f, ...(hit.directive.justification && { justification: hit.directive.justification }) });
  }
  const unused = all.filter((r) => !used.has(r)).map((r) => ({ directive: r.directive, rule: r.rule }));
  return { findings: kept, suppressed, unused };
}
