// Times each stage of linting one document — both parsers, the suppression directives, the model,
// the extractor, every rule, the suppression filter — so that a family of documents can be checked
// for linear growth stage by stage: a quadratic rule hides easily in the total of a slow parser.
import { lintModel } from '../../src/engine/lint.js';
import { buildModel } from '../../src/model/document.js';
import { parse } from '../../src/parse/index.js';
import type { CompiledRule } from '../../src/rules/compile.js';
import { extractDirectives } from '../../src/suppress/directives.js';
import { applySuppressions } from '../../src/suppress/filter.js';
import type { SourceFormat } from '../../src/types.js';
import type { Family } from './adversarial.js';

export type StageTimes = Record<string, number>;

/** CPU time of this process in ms: on a machine shared with other work, wall time mostly measures the others. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds per stage for one document; a document the parser refuses (too complex) has only a parse time. */
export async function timeStages(text: string, format: SourceFormat, rules: CompiledRule[]): Promise<StageTimes> {
  const t: StageTimes = {};
  let t0 = cpuMs();
  const lap = (stage: string) => {
    const now = cpuMs();
    t[stage] = now - t0;
    t0 = now;
  };
  let parsed;
  try {
    parsed = await parse(text, format);
  } catch {
    lap(`parse (${format})`);
    return t;
  }
  lap(`parse (${format})`);
  const { parsed: checked, directives } = extractDirectives(text, parsed);
  lap('directives');
  const model = buildModel(text, format, checked);
  lap('model');
  void model.claims;
  lap('extract');
  const findings = [];
  for (const rule of rules) {
    findings.push(...lintModel(model, { rules: [rule] }).findings);
    lap(`rule ${rule.definition.id}`);
  }
  applySuppressions(findings, directives, model.lines);
  lap('suppress');
  return t;
}

async function best(text: string, format: SourceFormat, rules: CompiledRule[], runs: number): Promise<StageTimes> {
  let out: StageTimes | undefined;
  for (let i = 0; i < runs; i++) {
    const t = await timeStages(text, format, rules);
    if (!out) out = t;
    else for (const k of Object.keys(t)) out[k] = Math.min(out[k] ?? Infinity, t[k]);
  }
  out!.total = Object.values(out!).reduce((a, b) => a + b, 0);
  return out!;
}

export interface Verdict {
  family: string;
  stage: string;
  small: number;
  large: number;
}

export interface LinearityOptions {
  /** Size of the small document (characters); the large one is 16 times as long. */
  size: number;
  /** Allowed growth from 1× to 16×: 20 (linear, with some slack). */
  factor: number;
  /** Below this many ms at 1×, a stage's time is noise: it is compared as if it took this long. */
  floorMs: number;
  /** A stage's own floor, where it differs (the total, a sum of many stages' noise). */
  floorFor?: (stage: string) => number | undefined;
  /** Told each stage's growth (its time at 16× over its floored time at 1×) in the last round measured. */
  onGrowth?: (family: string, stage: string, growth: number) => void;
}

/**
 * The stages of `family` whose time grows by more than `factor` from size n to 16n (each time the
 * minimum of a few runs, on a machine shared with other work). A stage that fails is measured again
 * with more runs before it is reported: noise passes, a quadratic stage does not.
 */
export async function superLinearStages(family: Family, rules: CompiledRule[], o: LinearityOptions): Promise<Verdict[]> {
  const small = family.make(o.size);
  const large = family.make(o.size * 16);
  // Warm up at both sizes: lazily loaded parsers, and code V8 optimises only once it runs long enough.
  await timeStages(small, family.format, rules);
  await timeStages(large, family.format, rules);
  let failing: Verdict[] = [];
  let a: StageTimes = {};
  let b: StageTimes = {};
  for (const [runsSmall, runsLarge] of [[2, 1], [5, 3], [9, 5]]) {
    a = await best(small, family.format, rules, runsSmall);
    b = await best(large, family.format, rules, runsLarge);
    failing = Object.keys(b)
      .filter((stage) => b[stage] > o.factor * Math.max(a[stage] ?? 0, o.floorFor?.(stage) ?? o.floorMs))
      .map((stage) => ({ family: family.name, stage, small: a[stage] ?? 0, large: b[stage] }));
    if (failing.length === 0) break;
  }
  for (const stage of Object.keys(b)) o.onGrowth?.(family.name, stage, b[stage] / Math.max(a[stage] ?? 0, o.floorFor?.(stage) ?? o.floorMs));
  return failing;
}
