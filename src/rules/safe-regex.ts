import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Quantifier } from '@eslint-community/regexpp/ast';
import type { Diagnostics } from 'recheck';
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import { RuleError, type RuleDefinition } from './definition.js';

/**
 * A regular expression in a rule file runs over every document, and a document may be one 5 MB
 * line: a pattern that can backtrack catastrophically (`(a+)+$`, `\d*\d*%`) would hang the linter.
 * Every regex of a rule file is analysed with recheck when the file is loaded and refused with the
 * file, the JSON pointer and the reason. The built-in rules are analysed by the build
 * (scripts/build.mjs), so the CLI's start-up does not pay for it.
 */

export interface RegexSite {
  pointer: string;
  source: string;
  flags: string;
}

// The schema marks every regex field with $ref: #/definitions/regex; a validator compiled with an
// extra keyword there reports each such value and its JSON pointer while it validates.
let collect: RegexSite[] | undefined;
let siteValidator: ((data: unknown) => boolean) | undefined;

function sites(): (data: unknown) => boolean {
  if (siteValidator) return siteValidator;
  const schema = structuredClone(ruleSchema) as { definitions: Record<string, Record<string, unknown>> };
  schema.definitions.regex = { ...schema.definitions.regex, regexSite: true };
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword({
    keyword: 'regexSite',
    schemaType: 'boolean',
    validate: (_schema: boolean, data: unknown, _parent?: unknown, cxt?: { instancePath: string; parentData?: unknown }) => {
      if (typeof data === 'string' && collect) {
        const parent = cxt?.parentData as { ignoreCase?: unknown } | undefined;
        collect.push({ pointer: cxt?.instancePath ?? '', source: data, flags: `u${parent?.ignoreCase === true ? 'i' : ''}` });
      }
      return true;
    },
  });
  siteValidator = ajv.compile(schema);
  return siteValidator;
}

/** Every regular expression of a (schema-valid) rule, with its JSON pointer. */
export function regexSites(definition: RuleDefinition): RegexSite[] {
  const { file: _file, ...data } = definition;
  collect = [];
  try {
    sites()(data);
    return collect;
  } finally {
    collect = undefined;
  }
}

/**
 * Splits a pattern into its lookarounds' bodies and the rest. A lookaround is zero-width, so the
 * rest matches at least what the pattern matches: analysing it without them over-approximates
 * (never misses a blow-up), and lets recheck use its automaton analysis, which refuses lookarounds
 * (its fuzzer misses blow-ups behind them). Each body is analysed as a pattern of its own.
 */
export function splitLookarounds(source: string): { core: string; bodies: string[] } {
  const bodies: string[] = [];
  let core = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      core += source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      core += source.slice(i, end);
      i = end;
    } else if (c === '(' && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      const open = source[i + 2] === '<' ? 4 : 3;
      const end = groupEnd(source, i);
      const inner = splitLookarounds(source.slice(i + open, end - 1));
      bodies.push(inner.core, ...inner.bodies);
      i = end;
    } else {
      core += c;
      i++;
    }
  }
  return { core, bodies: bodies.filter((b) => b !== '') };
}

/**
 * A lookbehind is tried at every position before anything is consumed, and runs backwards: with an
 * unbounded repetition (`(?<!邮箱：\s*)`) it rescans the whole run before each position, which
 * is quadratic on a long run (a document that is all spaces once its code blocks are masked).
 */
export function unboundedLookbehind(source: string): string | null {
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
      const end = groupEnd(source, i);
      const body = source.slice(i + 4, end - 1);
      if (hasUnboundedRepetition(body)) {
        return `regular expression /${source}/ has a lookbehind with an unbounded repetition, (?<${source[i + 3]}${body}): it rescans the text before every position; bound it, e.g. {0,20}`;
      }
      i = end;
    } else i++;
  }
  return null;
}

function hasUnboundedRepetition(source: string): boolean {
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '*' || c === '+') return true;
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) return true;
    else i++;
  }
  return false;
}

function classEnd(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function groupEnd(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return source.length;
}

type CheckSync = (source: string, flags: string, params?: Record<string, unknown>) => Diagnostics;
let checkSync: CheckSync | undefined;
/** Verdicts by `flags/source` for the shipped rules; the build keeps them between runs (scripts/build.mjs). */
export const verdicts = new Map<string, string | null>();

/** Seconds of analysis allowed per pattern; a pattern recheck cannot decide in time is accepted. */
const ANALYSIS_TIMEOUT_MS = 3000;

/**
 * Why a shipped rule's pattern is refused, or null when it is safe (or undecidable in the time
 * allowed): matching at one position only. The shipped rules are reviewed, and the adversarial
 * timing suite measures how their search scales; rules from elsewhere get untrustedProblem.
 */
export function backtrackingProblem(source: string, flags: string): string | null {
  const key = `${flags}/${source}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const { core, bodies } = splitLookarounds(source);
  let problem: string | null = unboundedLookbehind(source);
  for (const part of problem ? [] : [core, ...bodies]) {
    const result = analyse(part, `${flags}y`, ANALYSIS_TIMEOUT_MS, true);
    if (result.status === 'vulnerable') {
      problem = vulnerable(source, part, result, 'sticky');
      break;
    }
  }
  verdicts.set(key, problem);
  return problem;
}

function attackOf(result: Extract<Diagnostics, { status: 'vulnerable' }>): string {
  return (result.attack.pumps.map((p) => `${p.prefix}${p.pump}…`).join('') || result.attack.string.slice(0, 20)).slice(0, 40);
}

function vulnerable(source: string, part: string, result: Extract<Diagnostics, { status: 'vulnerable' }>, how: 'sticky' | 'search' | 'relaxed'): string {
  const where = part === source ? '' : how === 'relaxed' ? ` (its nested repetitions with their bounds lifted, /${part}/)` : ` in its part /${part}/`;
  // Polynomial only in a search: one attempt is linear, but each position rescans the same run.
  const rescans = how === 'search' && result.complexity.type === 'polynomial';
  const what = rescans ? 'takes super-linear time searching a long text' : 'can backtrack catastrophically';
  const advice = rescans
    ? 'each attempt rescans the same run: bound the repetition (e.g. {0,50}) or begin the pattern with a literal'
    : how === 'relaxed'
      ? 'nested repetitions multiply their counts: repeat a part of fixed length, or separate the repeated parts by a literal'
      : 'rewrite it so that no two parts can match the same text';
  return `regular expression /${source}/ ${what}${where} (${result.complexity.summary} time, e.g. on "${attackOf(result)}"): ${advice}`;
}

/** recheck on one lookaround-free pattern: automaton analysis; for the shipped rules, its fuzzer where that is unsupported (backreferences). */
function analyse(source: string, flags: string, timeout: number, fuzzFallback: boolean): Diagnostics {
  // recheck's pure JavaScript backend: the same everywhere, no JVM or native binary started.
  checkSync ??= (createRequire(import.meta.url)('recheck') as { checkSync: CheckSync }).checkSync;
  const previous = process.env.RECHECK_SYNC_BACKEND;
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  try {
    const result = checkSync(source, flags, { timeout, checker: 'automaton' });
    if (!fuzzFallback || result.status !== 'unknown' || result.error.kind !== 'unsupported') return result;
    return checkSync(source, flags, { timeout, checker: 'fuzz' });
  } finally {
    if (previous === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = previous;
  }
}

/** How long the analysis of an untrusted rule file may take: per pattern, and in all for one file. */
export interface AnalysisLimits {
  patternMs: number;
  fileMs: number;
}

export const DEFAULT_LIMITS: AnalysisLimits = { patternMs: 3000, fileMs: 10_000 };

/** `problem` null: safe. `lasting`: the same on any machine and run, so it may be kept on disk. */
interface Verdict {
  problem: string | null;
  lasting: boolean;
}

/**
 * A nested repetition whose counts are bounded but large (`(?:X{1,10}){1,10}`) is safe for
 * recheck (its ambiguity is finite) and yet backtracks through up to 10^10 ways of splitting a run.
 * With the bounds of such a nest lifted (`(?:X+)+`) the analysis sees the blow-up. Nests whose
 * count of ways is small (`(?:\d{1,3},?){1,5}`: 3^5) keep their bounds. Null when nothing is lifted.
 */
export function liftNestedBounds(source: string, flags: string): string | null {
  let pattern: ReturnType<RegExpParser['parsePattern']>;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  } catch {
    return null;
  }
  const quantifiers: Quantifier[] = [];
  visitRegExpAST(pattern, { onQuantifierEnter: (q) => void quantifiers.push(q) });
  const lifted = new Set<Quantifier>();
  for (const outer of quantifiers) {
    if (outer.max < 2) continue;
    const inner = quantifiers.filter((q) => q !== outer && q.start >= outer.element.start && q.end <= outer.element.end && q.min !== q.max && q.max >= 2);
    if (inner.length === 0) continue;
    const ways = Math.log10(Math.max(...inner.map((q) => q.max))) * outer.max;
    if (ways <= NESTED_WAYS_LOG10) continue;
    for (const q of [outer, ...inner]) if (q.max !== Infinity) lifted.add(q);
  }
  if (lifted.size === 0) return null;
  let out = source;
  for (const q of [...lifted].sort((a, b) => b.element.end - a.element.end)) {
    out = `${out.slice(0, q.element.end)}{${q.min},}${q.greedy ? '' : '?'}${out.slice(q.end)}`;
  }
  return out;
}

/** A nest may split a run in up to 10^4 ways before its bounds are lifted for the analysis. */
const NESTED_WAYS_LOG10 = 4;

/**
 * Why a pattern from a rule file or a configuration is refused, or null when recheck proves it
 * safe: as it runs (a search from every position, `m` flag), its lookarounds apart, and its large
 * nests with their bounds lifted. Whatever recheck cannot decide (a timeout, a backreference) is
 * refused: a pattern is accepted on proof, not for want of a counterexample.
 */
function untrustedProblem(source: string, flags: string, deadline: number, limits: AnalysisLimits): Verdict {
  try {
    new RegExp(source, flags);
  } catch {
    return { problem: null, lasting: true }; // the checker that compiles it reports the syntax error
  }
  const lookbehind = unboundedLookbehind(source);
  if (lookbehind) return { problem: lookbehind, lasting: true };
  const { core, bodies } = splitLookarounds(source);
  const lifted = liftNestedBounds(source, flags);
  const runs: Array<{ part: string; how: 'sticky' | 'search' | 'relaxed' }> = [];
  if (lifted) runs.push({ part: lifted, how: 'relaxed' });
  // Without an unbounded repetition an attempt reads a bounded stretch: only one position matters.
  for (const part of [core, ...bodies]) runs.push({ part, how: hasUnboundedRepetition(part) ? 'search' : 'sticky' });
  for (const { part, how } of runs) {
    const left = deadline - performance.now();
    if (left <= 0) {
      return { problem: `regular expression /${source}/ was not checked: the rule file's patterns took the ${limits.fileMs / 1000} s allowed for their analysis; simplify or split them`, lasting: false };
    }
    const timeout = Math.floor(Math.min(limits.patternMs, left)); // recheck takes whole milliseconds
    let result: Diagnostics;
    try {
      result = analyse(part, how === 'search' ? `${flags}m` : `${flags}y`, timeout, false);
    } catch (e) {
      return { problem: `regular expression /${source}/ cannot be proved safe: the safety analysis failed (${(e as Error).message?.split('\n')[0] ?? e})`, lasting: false };
    }
    if (result.status === 'vulnerable') return { problem: vulnerable(source, part, result, how), lasting: true };
    if (result.status === 'unknown') {
      const timedOut = result.error.kind === 'timeout';
      const why = timedOut
        ? `the safety analysis did not finish in ${(timeout / 1000).toFixed(1)} s; simplify it (e.g. split its alternatives into several patterns)`
        : `the safety analysis cannot handle it (${result.error.kind === 'unsupported' ? result.error.message : result.error.kind}); rewrite it without that construct`;
      return { problem: `regular expression /${source}/ cannot be proved safe: ${why}`, lasting: !timedOut };
    }
  }
  return { problem: null, lasting: true };
}

/** Bumped when untrustedProblem decides differently, so that verdicts kept on disk are dropped. */
const ANALYSIS_VERSION = 1;
let untrusted: Map<string, string | null> | undefined;
let storeVersion = '';

async function untrustedVerdicts(): Promise<Map<string, string | null>> {
  if (untrusted) return untrusted;
  const recheck = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
  storeVersion = `recheck ${recheck}, analysis ${ANALYSIS_VERSION}`;
  untrusted = (await import('./regex-verdicts.js')).readVerdicts(storeVersion);
  return untrusted;
}

/** Forgets the verdicts held in memory (tests: the next check reads the ones on disk). */
export function forgetVerdicts(): void {
  untrusted = undefined;
}

/**
 * Throws RuleError for the first rule with a pattern that is not proved safe; lists every such
 * pattern of that file. `checked`: patterns already analysed (a shipped rule whose options a
 * configuration changes: only the configuration's patterns are new). `trusted`: the shipped rules
 * at build time (backtrackingProblem); otherwise each file's analysis is bounded by `limits`, and
 * verdicts are kept in the user's cache folder, so a second run does not analyse again.
 */
export async function assertSafeRegexes(
  definitions: RuleDefinition[],
  checked: ReadonlySet<string> = new Set(),
  options: { trusted?: boolean; limits?: AnalysisLimits } = {},
): Promise<void> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const known = options.trusted ? undefined : await untrustedVerdicts();
  const fresh = new Map<string, string | null>();
  try {
    for (const definition of definitions) {
      const deadline = performance.now() + limits.fileMs;
      const problems = regexSites(definition)
        .filter((site) => !checked.has(site.source))
        .flatMap((site) => {
          let problem: string | null;
          if (!known) problem = backtrackingProblem(site.source, site.flags);
          else {
            const key = `${site.flags}/${site.source}`;
            const seen = known.get(key);
            if (seen !== undefined) problem = seen;
            else {
              const verdict = untrustedProblem(site.source, site.flags, deadline, limits);
              problem = verdict.problem;
              if (verdict.lasting) {
                known.set(key, problem);
                fresh.set(key, problem);
              }
            }
          }
          return problem ? [{ pointer: site.pointer, problem: { id: 'rule.backtracking' as const, values: { detail: problem } } }] : [];
        });
      if (problems.length) {
        const [first, ...more] = problems;
        throw new RuleError(definition.file, first.pointer, first.problem, more);
      }
    }
  } finally {
    if (fresh.size) (await import('./regex-verdicts.js')).writeVerdicts(storeVersion, fresh);
  }
}
