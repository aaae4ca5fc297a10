import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleDir } from '../src/rules/read-dir.js';
import { assertSafeRegexes, backtrackingProblem, forgetVerdicts, liftNestedBounds, regexSites, splitLookarounds, unboundedLookbehind } from '../src/rules/safe-regex.js';
import { builtinDefinitions } from '../src/rules/builtin.js';
import { RuleError } from '../src/rules/definition.js';
import { parseRule } from '../src/rules/parse-rule.js';
import { cli, tempDir } from './helpers/cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

// Verdicts are kept in the user's cache folder: this file's own, so that each run starts cold.
const CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lint-regex-cache-'));
process.env.XDG_CACHE_HOME = CACHE_HOME;
const VERDICT_FILE = path.join(CACHE_HOME, 'gongwen-lint', 'regex-verdicts.json');

/** A user rule file (as loaded) with these patterns. */
function ruleWith(patterns: string[], file = 'mine/r.yaml') {
  return parseRule(
    JSON.stringify({
      id: 'r', type: 'pattern', severity: 'info', message: { zh: '甲', en: 'a' },
      docs: { summary: { zh: '甲', en: 'a' }, what: '甲', why: '甲', source: '甲' },
      examples: { valid: [], invalid: ['甲'] },
      options: { patterns: patterns.map((regex) => ({ regex })) },
    }),
    file,
  );
}

/** The lines of the RuleError a user rule file with these patterns gets, or [] when it is accepted. */
async function refusal(patterns: string[], limits?: { patternMs: number; fileMs: number }): Promise<string[]> {
  const error = await assertSafeRegexes([ruleWith(patterns)], undefined, { limits }).then(() => undefined, (e: unknown) => e);
  if (error === undefined) return [];
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).message.split('\n');
}

describe('regex safety (recheck)', () => {
  it.each([
    ['(a+)+$', /exponential/],
    ['\\d*\\d*%', /polynomial/],
    ['(?<=甲)(?:乙|乙)*$', /in its part .*exponential/],
    ['(?=[0-9])(\\s*,\\s*)*。', /exponential/],
    ['X(?![^。]*(?:a|a)*b)', /exponential/],
    ['(?<![\\w.+-]|邮箱[:：]\\s*)[\\w.+-]+@', /lookbehind with an unbounded repetition, \(\?<!\[\\w\.\+-\]\|邮箱\[:：\]\\s\*\)/],
    ['(?<=^\\s+)X', /lookbehind with an unbounded repetition/],
    ['(?<=a{2,})X', /lookbehind with an unbounded repetition/],
  ])('refuses /%s/', (source, problem) => {
    expect(backtrackingProblem(source, 'u')).toMatch(problem);
  });

  it.each(['(?<n>\\d+(?:\\.\\d+)?)%', 'X{2,}|x{2,}', '(?<![A-Za-z0-9])[Xx]{1,2}月[Xx]{1,2}[日号]', '[【\\[](?:待补充|待填)[^】\\]\\n]{0,20}[】\\]]', '^(?:一|二)、', '(?<=^[ \\t]{0,8})\\*+', '(?<![+*])X+(?=[*+]*)'])(
    'accepts /%s/',
    (source) => {
      expect(backtrackingProblem(source, 'u')).toBeNull();
    },
  );

  it('the shipped rules have no lookbehind that rescans unboundedly (the build runs the full analysis)', async () => {
    const problems = (await builtinDefinitions()).flatMap((d) => regexSites(d).map((s) => unboundedLookbehind(s.source)).filter(Boolean));
    expect(problems).toEqual([]);
  });

  it('analyses lookarounds apart from the rest of the pattern', () => {
    expect(splitLookarounds('(?<![A-Z])X(?=[\\(（]\\d)(?!a(?=b))[(?=]\\)')).toEqual({ core: 'X[(?=]\\)', bodies: ['[A-Z]', '[\\(（]\\d', 'a', 'b'] });
    expect(splitLookarounds('(?<name>a)(?:b)')).toEqual({ core: '(?<name>a)(?:b)', bodies: [] });
  });

  it('finds every regex of a rule file by its schema, with its JSON pointer and flags', () => {
    const rule = parseRule(
      JSON.stringify({
        id: 'r', type: 'pattern', severity: 'info', message: { zh: '甲', en: 'a' },
        docs: { summary: { zh: '甲', en: 'a' }, what: '甲', why: '甲', source: '甲' },
        examples: { valid: [], invalid: ['甲'] },
        options: { patterns: [{ regex: '甲', replace: '乙' }, { regex: 'x+', ignoreCase: true, where: 'x > 1' }], ignore: ['https?://\\S+'] },
      }),
      'r.yaml',
    );
    expect(regexSites(rule)).toEqual([
      { pointer: '/options/patterns/0/regex', source: '甲', flags: 'u' },
      { pointer: '/options/patterns/1/regex', source: 'x+', flags: 'ui' },
      { pointer: '/options/ignore/0', source: 'https?://\\S+', flags: 'u' },
    ]);
  });

  it('refuses a user rule file with such a pattern when it is loaded, naming the file, the pointer and the pattern', async () => {
    const error = await readRuleDir(path.join(FIXTURES, 'unsafe-rules'), FIXTURES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).message).toMatch(/^unsafe-rules\/nested-quantifier\.yaml: \/options\/patterns\/0\/regex regular expression \/\(\?:好\+\)\+。\/ can backtrack catastrophically \(exponential/);
  });

  it('checks the patterns a configuration adds to a rule, naming the configuration', async () => {
    const dir = tempDir({ '.gongwenlintrc.yaml': 'rules:\n  no-placeholder: {extendOptions: {ignore: ["(?:甲+)+乙"]}}\n', 'a.txt': '甲甲甲\n' });
    const r = await cli(['a.txt', '--locale', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.gongwenlintrc\.yaml: \/rules\/no-placeholder\/extendOptions\/ignore\/\d+ regular expression \/\(\?:甲\+\)\+乙\/ can backtrack catastrophically/);
  });

  it('the CLI reports it in one line and exits 2', async () => {
    const r = await cli(['--rules', 'unsafe-rules', 'unsafe-rules/nested-quantifier.yaml'], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gongwen-lint: unsafe-rules\/nested-quantifier\.yaml: \/options\/patterns\/0\/regex .*backtrack/);
  });

  describe('rules from an untrusted repository', () => {
    // Each was accepted before (recheck calls the first safe, times out on the third), and runs for
    // 18 s at 32 characters, 25 s over 100k characters and 42 s at 28 characters.
    it.each([
      ['(?:X{1,10}){1,10}$', /can backtrack catastrophically \(its nested repetitions with their bounds lifted, \/\(\?:X\{1,\}\)\{1,\}\$\/\) \(exponential/],
      ['[^。]*X', /takes super-linear time searching a long text \(2nd degree polynomial.*bound the repetition/],
      ['(?:\\w+\\s?){1,100}$', /can backtrack catastrophically \(its nested repetitions .*exponential/],
      ['\\d+(?:\\.\\d+)?%', /takes super-linear time searching/],
      ['X(?=[^。]*Y)', /in its part \/\[\^。\]\*Y\/ \(2nd degree polynomial/],
    ])('refuses /%s/ in one line naming the file, the key and the reason', async (source, reason) => {
      const lines = await refusal([source]);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`mine/r.yaml: /options/patterns/0/regex regular expression /${source}/ `)).toBe(true);
      expect(lines[0]).toMatch(reason);
    });

    it.each(['甲乙', '故障(?<n>\\d+)', '\\d{1,12}(?:\\.\\d{1,6})?%', '(?:\\d{1,3},?){1,5}', '(?<=\\p{Script=Han}),(?=\\p{Script=Han})', '截止(?=\\d{4}年|目前|今年)'])(
      'accepts /%s/, which searches in linear time',
      async (source) => {
        expect(await refusal([source])).toEqual([]);
      },
    );

    it('lifts the bounds of a nest only when it can split a run in many ways', () => {
      expect(liftNestedBounds('(?:X{1,10}){1,10}$', 'u')).toBe('(?:X{1,}){1,}$');
      expect(liftNestedBounds('(?:a{2,9}?b?){3,20}', 'u')).toBe('(?:a{2,}?b?){3,}');
      expect(liftNestedBounds('(?:\\d{1,3},?){1,5}', 'u')).toBeNull();
      expect(liftNestedBounds('X{1,10}Y{1,10}', 'u')).toBeNull();
    });

    it('refuses a pattern whose analysis times out, and what it cannot analyse', async () => {
      expect(await refusal(['(?:甲|乙)\\s*丙+'], { patternMs: 0, fileMs: 10_000 })).toEqual([
        expect.stringMatching(/^mine\/r\.yaml: \/options\/patterns\/0\/regex regular expression \/.*\/ cannot be proved safe: the safety analysis did not finish in 0\.0 s/),
      ]);
      expect(await refusal(['(甲+)\\1+乙'])).toEqual([expect.stringMatching(/cannot be proved safe: the safety analysis cannot handle it \(back-reference\)/)]);
    });

    it('bounds the analysis of one rule file: 20 patterns the analysis cannot decide take the file budget, not 20 timeouts', async () => {
      await refusal(['甲+']); // recheck is loaded
      // Twenty patterns recheck takes seconds over (long alternations around free repetitions).
      const slow = Array.from({ length: 20 }, (_, i) => `(?:已阅读\\s*\\d+\\s*页[，,]?\\s*)?(?:还剩|剩余|剩下${i})\\s*\\d+\\s*页未读(?:[，,]?\\s*(?:点击)?(?:继续阅读|阅读全文|查看全文)(?:全文)?)?`);
      const started = performance.now();
      const lines = await refusal(slow, { patternMs: 1000, fileMs: 400 });
      expect(performance.now() - started).toBeLessThan(2500);
      expect(lines).toHaveLength(20);
      expect(lines[0]).toMatch(/\/options\/patterns\/0\/regex .*cannot be proved safe: the safety analysis did not finish in 0\.4 s/);
      expect(lines[19]).toMatch(/^mine\/r\.yaml: \/options\/patterns\/19\/regex .* was not checked: the rule file's patterns took the 0\.4 s allowed/);
    });

    it("loads the issue's 20 nested patterns in seconds, then from the verdicts kept in the user's cache folder", async () => {
      const nested = Array.from({ length: 20 }, (_, i) => `(?:\\w+\\s?){1,${100 + i}}$`);
      let started = performance.now();
      expect(await refusal(nested)).toHaveLength(20);
      const cold = performance.now() - started;
      expect(cold).toBeLessThan(10_000);
      forgetVerdicts();
      started = performance.now();
      expect(await refusal(nested)).toHaveLength(20);
      const warm = performance.now() - started;
      expect(warm).toBeLessThan(Math.max(50, cold / 5));
      expect(Object.keys((JSON.parse(fs.readFileSync(VERDICT_FILE, 'utf8')) as { verdicts: object }).verdicts)).toContain('u/(?:\\w+\\s?){1,100}$');
    });

    it('ignores verdicts it did not sign: a planted file cannot make a pattern pass', async () => {
      await refusal(['(?:X{1,10}){1,10}$']);
      const stored = JSON.parse(fs.readFileSync(VERDICT_FILE, 'utf8')) as { verdicts: Record<string, string | null> };
      stored.verdicts['u/(?:X{1,10}){1,10}$'] = null;
      fs.writeFileSync(VERDICT_FILE, JSON.stringify(stored));
      forgetVerdicts();
      expect(await refusal(['(?:X{1,10}){1,10}$'])).toEqual([expect.stringMatching(/can backtrack catastrophically/)]);
    });

    it('the CLI refuses such a rule directory in one line and exits 2', async () => {
      const dir = tempDir({ 'r/scan.yaml': fs.readFileSync(path.join(FIXTURES, 'unsafe-rules', 'nested-quantifier.yaml'), 'utf8').replace("'(?:好+)+。'", "'[^。]*好'"), 'a.txt': '好\n' });
      const r = await cli(['--rules', 'r', 'a.txt', '--locale', 'en'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gongwen-lint: r\/scan\.yaml: \/options\/patterns\/0\/regex regular expression \/\[\^。\]\*好\/ takes super-linear time/)]);
    });
  });
});