import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { dropSuperseded } from '../src/engine/supersede.js';
import type { RuleDefinition } from '../src/rules/definition.js';
import { parseRule } from '../src/rules/parse-rule.js';
import type { Finding, Level } from '../src/types.js';
import { cli, tempDir } from './helpers/cli.js';
import { builtinRules, lintString } from './helpers/lint.js';

const rule = (id: string, supersedes?: string[]) => ({ definition: { id, ...(supersedes && { supersedes }) } as RuleDefinition });
const finding = (ruleId: string, start: number, end: number, level: Level = 'error', fix?: Finding['fix']): Finding => ({
  ruleId,
  level,
  message: ruleId,
  start,
  end,
  ...(fix && { fix }),
});
const ids = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.start}`);

describe('dropSuperseded', () => {
  const rules = [rule('specific', ['general']), rule('general'), rule('other')];

  it('drops a finding that one superseding finding covers, and keeps the order of the rest', () => {
    const findings = [finding('other', 0, 2), finding('specific', 3, 9), finding('general', 5, 7), finding('general', 8, 12), finding('other', 5, 6)];
    expect(ids(dropSuperseded(findings, rules))).toEqual(['other@0', 'specific@3', 'general@8', 'other@5']);
  });

  it('needs the cover to hold the whole span and the whole fix, not just overlap', () => {
    expect(ids(dropSuperseded([finding('specific', 3, 9), finding('general', 2, 4)], rules))).toEqual(['specific@3', 'general@2']);
    const fixReachesOut = finding('general', 4, 5, 'error', { start: 4, end: 15, text: '' });
    expect(ids(dropSuperseded([finding('specific', 3, 9), fixReachesOut], rules))).toEqual(['specific@3', 'general@4']);
    const fixInside = finding('general', 4, 5, 'error', { start: 4, end: 8, text: '' });
    expect(ids(dropSuperseded([finding('specific', 3, 9), fixInside], rules))).toEqual(['specific@3']);
  });

  it('finds the cover among many, whatever their order of ends', () => {
    // A long cover that starts first and short ones after it: the long one still covers 40-45.
    const findings = [finding('specific', 0, 50), finding('specific', 10, 12), finding('specific', 20, 22), finding('general', 40, 45)];
    expect(ids(dropSuperseded(findings, rules))).toEqual(['specific@0', 'specific@10', 'specific@20']);
  });

  it('keeps a finding when the cover is less severe, so exit codes never weaken', () => {
    const findings = [finding('specific', 0, 10, 'warning'), finding('general', 2, 4, 'error'), finding('general', 5, 6, 'info')];
    expect(ids(dropSuperseded(findings, rules))).toEqual(['specific@0', 'general@2']);
  });

  it('leaves findings alone when no rule supersedes another', () => {
    const findings = [finding('general', 2, 4), finding('specific', 0, 10)];
    expect(dropSuperseded(findings, [rule('specific'), rule('general')])).toBe(findings);
  });
});

describe('built-in rules that supersede others', () => {
  it('reports a placeholder inside a garbled political formulation once, as the formulation', async () => {
    const text = '认真贯彻党的XX大和***总书记重要讲话精神，投资XX万元。';
    const found = (await lintString(text)).map((f) => `${f.ruleId}:${text.slice(f.start, f.end)}`);
    expect(found).toContain('political-formulation:党的XX大');
    expect(found).toContain('political-formulation:***总书记');
    expect(found.filter((f) => f.startsWith('no-placeholder'))).toEqual(['no-placeholder:XX']);
    // The placeholder outside the formulation is still the third one in the sentence.
    expect((await lintString(text)).find((f) => f.ruleId === 'no-placeholder')!.start).toBe(text.lastIndexOf('XX'));
  });

  it('brings the placeholder back when political-formulation is off', async () => {
    const rules = await builtinRules();
    const levels = new Map([['political-formulation', 'off' as const]]);
    const { findings } = await lintText('认真贯彻党的XX大精神。', 'text', { rules, levels });
    expect(findings.map((f) => f.ruleId)).toEqual(['no-placeholder']);
  });

  it('does not report the punctuation of a pasted web footer beside the footer', async () => {
    const text = 'XX镇2024年工作计划\n\n一、重点任务\n完成道路硬化。\n---此处隐藏3934字,下载后查看---\n';
    const found = (await lintString(text)).filter((f) => f.start >= text.indexOf('---'));
    expect(found.map((f) => f.ruleId)).toEqual(['web-residue']);
  });

  it('brings the general finding back when a directive suppresses the specific one', async () => {
    const text = 'XX镇2024年工作计划\n\n一、重点任务\n【gongwen-lint-disable-next-line political-formulation】\n认真贯彻党的XX大精神。\n';
    const { stdout } = await cli(['a.txt', '-f', 'json', '--report-unused-disable'], tempDir({ 'a.txt': text }));
    const [report] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number }>; suppressedMessages: Array<{ ruleId: string }> }>;
    expect(report.messages.filter((m) => m.line === 5).map((m) => m.ruleId)).toEqual(['no-placeholder']);
    expect(report.suppressedMessages.map((m) => m.ruleId)).toEqual(['political-formulation']);
  });
});

describe('supersedes in a rule file', () => {
  const file = (supersedes: string) => `id: my-rule
type: pattern
severity: warning
supersedes: ${supersedes}
message: { zh: 甲, en: a }
docs: { summary: { zh: 甲, en: a }, what: 甲, why: 甲, source: 甲 }
examples: { valid: [乙], invalid: [甲] }
options: { patterns: [{ regex: 甲 }] }
`;

  it('is read as a list of rule ids', () => {
    expect(parseRule(file('[no-placeholder]'), 'my-rule.yaml').supersedes).toEqual(['no-placeholder']);
  });

  it('refuses the rule itself, and ids that are not kebab-case, naming the key', () => {
    expect(() => parseRule(file('[my-rule]'), 'my-rule.yaml')).toThrow(/my-rule\.yaml: \/supersedes\/0 a rule cannot supersede itself/);
    expect(() => parseRule(file('[No_Placeholder]'), 'my-rule.yaml')).toThrow(/my-rule\.yaml: \/supersedes\/0/);
  });
});
