import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { Diagnostics } from 'recheck';
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import { RuleError, type RuleDefinition } from './definition.js';

/**
 * A regular expression in a rule file runs over every document, and a document may be one 5 MB
 * line: a pattern that can backtrack catastrophically (`(a+)+$`, `\d*\d*%`) would hang the linter.
 * Every regex of a rule file is analysed with recheck when the file is loaded and refused with the
 * file, the JSON pointer and the pattern. The built-in rules are analysed by the build
 * (scripts/build.mjs), so the CLI's start-up does not pay for it.
 *
 * The analysis is of matching at one position (the sticky flag): how far a search moves through
 * the text is linear for any pattern V8 runs, but backtracking at one position is what explodes.
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
/** Verdicts by `flags/source`; the build keeps them between runs (scripts/build.mjs). */
export const verdicts = new Map<string, string | null>();

/** Seconds of analysis allowed per pattern; a pattern recheck cannot decide in time is accepted. */
const ANALYSIS_TIMEOUT_MS = 3000;

/** Why the pattern is refused, or null when it is safe (or undecidable in the time allowed). */
export function backtrackingProblem(source: string, flags: string): string | null {
  const key = `${flags}/${source}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const { core, bodies } = splitLookarounds(source);
  let problem: string | null = unboundedLookbehind(source);
  for (const part of problem ? [] : [core, ...bodies]) {
    const result = analyse(part, flags);
    if (result.status === 'vulnerable') {
      const attack = result.attack.pumps.map((p) => `${p.prefix}${p.pump}…`).join('') || result.attack.string.slice(0, 20);
      const where = part === source ? '' : ` in its part /${part}/`;
      problem =
        `regular expression /${source}/ can backtrack catastrophically${where} (${result.complexity.summary} time, e.g. on "${attack.slice(0, 40)}"): ` +
        'rewrite it so that no two parts can match the same text';
      break;
    }
  }
  verdicts.set(key, problem);
  return problem;
}

/** recheck on one lookaround-free pattern at one position: automaton analysis, its fuzzer where that is unsupported (backreferences). */
function analyse(source: string, flags: string): Diagnostics {
  // recheck's pure JavaScript backend: the same everywhere, no JVM or native binary started.
  checkSync ??= (createRequire(import.meta.url)('recheck') as { checkSync: CheckSync }).checkSync;
  const previous = process.env.RECHECK_SYNC_BACKEND;
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  try {
    const result = checkSync(source, `${flags}y`, { timeout: ANALYSIS_TIMEOUT_MS, checker: 'automaton' });
    if (result.status !== 'unknown' || result.error.kind !== 'unsupported') return result;
    return checkSync(source, `${flags}y`, { timeout: ANALYSIS_TIMEOUT_MS, checker: 'fuzz' });
  } finally {
    if (previous === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = previous;
  }
}

/**
 * Throws RuleError for the first rule with a pattern that can backtrack catastrophically; lists
 * every such pattern of that file. `checked`: patterns already analysed (a shipped rule whose
 * options a configuration changes: only the configuration's patterns are new).
 */
export function assertSafeRegexes(definitions: RuleDefinition[], checked: ReadonlySet<string> = new Set()): void {
  for (const definition of definitions) {
    const problems = regexSites(definition).filter((site) => !checked.has(site.source)).flatMap((site) => {
      const problem = backtrackingProblem(site.source, site.flags);
      return problem ? [{ pointer: site.pointer, problem }] : [];
    });
    if (problems.length) {
      const [first, ...more] = problems;
      throw new RuleError(definition.file, first.pointer, first.problem, more);
    }
  }
}
