// What must hold for any document and any rule set: the engine returns (no throw, no rule
// failure), in bounded time, with findings inside the document that point at the text they
// describe, and fixes that do not overlap within a rule and are not proposed again once applied.
import { lintText } from '../../src/engine/lint.js';
import type { CompiledRule } from '../../src/rules/compile.js';
import type { Finding, Fix, SourceFormat } from '../../src/types.js';
import { watch } from './watchdog.js';

/** Per-document time limit of the fuzz properties (generous: fuzz documents are a few KB). */
export const MAX_MS_PER_DOCUMENT = Number(process.env.FUZZ_MAX_MS ?? 1000);

export class FuzzStats {
  documents = 0;
  findings = 0;
  fixes = 0;
  refusedRules = 0;
  private readonly times: number[] = [];

  record(ms: number): void {
    this.times.push(ms);
  }

  summary(): string {
    const t = [...this.times].sort((a, b) => a - b);
    const at = (p: number) => (t.length ? t[Math.min(t.length - 1, Math.floor(p * t.length))].toFixed(1) : '-');
    return `${this.documents} documents, ${this.findings} findings, ${this.fixes} fixes, ${this.refusedRules} random rule sets refused as unsafe; CPU ms per document p50 ${at(0.5)}, p99 ${at(0.99)}, max ${at(1)} (limit ${MAX_MS_PER_DOCUMENT})`;
  }
}

function isInsidePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function describe(f: Finding): string {
  return `${f.ruleId} [${f.start}, ${f.end})${f.fix ? ` fix [${f.fix.start}, ${f.fix.end}) → ${JSON.stringify(f.fix.text)}` : ''}`;
}

async function lintTimed(text: string, format: SourceFormat, rules: CompiledRule[], stats: FuzzStats): Promise<Finding[]> {
  const stop = watch(text);
  // CPU time, not wall time: other processes on a shared machine must not fail the property.
  const cpu0 = process.cpuUsage();
  let result;
  try {
    result = await lintText(text, format, { rules });
  } finally {
    stop();
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  stats.record(ms);
  stats.documents++;
  if (ms > MAX_MS_PER_DOCUMENT) throw new Error(`took ${ms.toFixed(0)} ms of CPU (limit ${MAX_MS_PER_DOCUMENT} ms) on a ${text.length}-character ${format} document`);
  if (result.failures.length) {
    const f = result.failures[0];
    throw new Error(`rule ${f.ruleId} threw: ${f.error.stack ?? f.error.message}`);
  }
  return result.findings;
}

function checkFindings(text: string, findings: Finding[]): void {
  for (const f of findings) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= text.length)) {
      throw new Error(`span outside the document (length ${text.length}): ${describe(f)}`);
    }
    if (isInsidePair(text, f.start) || isInsidePair(text, f.end)) throw new Error(`span cuts a surrogate pair: ${describe(f)}`);
    const match = f.evidence?.match;
    if (match !== undefined && match !== text.slice(f.start, f.end)) {
      throw new Error(`evidence.match ${JSON.stringify(match)} is not the text at the span ${JSON.stringify(text.slice(f.start, f.end))}: ${describe(f)}`);
    }
    if (typeof f.message !== 'string' || f.message.length === 0) throw new Error(`empty message: ${describe(f)}`);
    const fix = f.fix;
    if (fix && !(fix.start >= 0 && fix.start <= fix.end && fix.end <= text.length && typeof fix.text === 'string')) {
      throw new Error(`fix outside the document: ${describe(f)}`);
    }
  }
  const byRule = new Map<string, Fix[]>();
  for (const f of findings) if (f.fix) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f.fix]);
  for (const [rule, fixes] of byRule) {
    fixes.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < fixes.length; i++) {
      if (fixes[i].start < fixes[i - 1].end) throw new Error(`rule ${rule}: overlapping fixes [${fixes[i - 1].start}, ${fixes[i - 1].end}) and [${fixes[i].start}, ${fixes[i].end})`);
    }
  }
}

/** Applies non-overlapping fixes (first come, as --fix does); returns the new text and where each landed. */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: Array<{ ruleId: string; start: number; end: number }> } {
  const chosen: Finding[] = [];
  let lastEnd = -1;
  for (const f of [...findings].filter((x) => x.fix).sort((a, b) => a.fix!.start - b.fix!.start || a.fix!.end - b.fix!.end)) {
    if (f.fix!.start < lastEnd || (f.fix!.start === lastEnd && f.fix!.start === f.fix!.end)) continue;
    chosen.push(f);
    lastEnd = f.fix!.end;
  }
  let out = '';
  let pos = 0;
  const applied: Array<{ ruleId: string; start: number; end: number }> = [];
  for (const f of chosen) {
    out += text.slice(pos, f.fix!.start);
    const start = out.length;
    out += f.fix!.text;
    applied.push({ ruleId: f.ruleId, start, end: out.length });
    pos = f.fix!.end;
  }
  return { text: out + text.slice(pos), applied };
}

/**
 * Lints `text`, checks every invariant, applies the fixes and checks that none is proposed again.
 * `roundTrip: false` for rules the fuzzer makes up: a random replacement may legitimately match its
 * own pattern again (`[^。]+` → `（$&）`); the shipped rules' fixes must settle.
 */
export async function checkDocument(text: string, format: SourceFormat, rules: CompiledRule[], stats: FuzzStats, roundTrip = true): Promise<void> {
  const findings = await lintTimed(text, format, rules, stats);
  checkFindings(text, findings);
  stats.findings += findings.length;
  if (!findings.some((f) => f.fix)) return;
  const fixed = applyFixes(text, findings);
  stats.fixes += fixed.applied.length;
  const again = await lintTimed(fixed.text, format, rules, stats);
  checkFindings(fixed.text, again);
  if (!roundTrip) return;
  for (const a of fixed.applied) {
    const repeat = again.find((f) => f.ruleId === a.ruleId && f.fix && f.fix.start === a.start && f.fix.end === a.end);
    if (repeat) throw new Error(`fix does not round-trip: after applying it, ${describe(repeat)} is proposed again`);
  }
}
