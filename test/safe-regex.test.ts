import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleDir } from '../src/rules/read-dir.js';
import { backtrackingProblem, regexSites, splitLookarounds, unboundedLookbehind } from '../src/rules/safe-regex.js';
import { builtinDefinitions } from '../src/rules/builtin.js';
import { RuleError } from '../src/rules/definition.js';
import { parseRule } from '../src/rules/parse-rule.js';
import { cli, tempDir } from './helpers/cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

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
});
