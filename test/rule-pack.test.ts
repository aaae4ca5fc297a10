import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { fixText } from '../src/fix/index.js';
import { cli, tempDir } from './helpers/cli.js';
import { builtinRules, lintString } from './helpers/lint.js';

async function findings(text: string, rule: string) {
  return (await lintString(text, { rule })).map((f) => ({ text: text.slice(f.start, f.end), message: f.message, fix: f.fix }));
}

describe('heading-ordinal-sequence', () => {
  it('accepts a list that restarts under the same parent, numbering continued across parents, and a resumed outer list', async () => {
    const restart = '一、过去一年工作回顾\n二、今年重点工作\n三、今年十件民生实事\n一、新建幼儿园\n二、改造老旧小区\n三、新增停车位\n四、加强政府建设';
    expect(await findings(restart, 'heading-ordinal-sequence')).toEqual([]);
    const continued = '（一）产业发展\n1.招商引资。\n2.企业服务。\n（二）乡村振兴\n3.人居环境。\n4.集体经济。';
    expect(await findings(continued, 'heading-ordinal-sequence')).toEqual([]);
  });

  it('names the ordinal the sequence expected', async () => {
    const [f] = await findings('一、工作回顾\n（一）项目建设\n（二）乡村振兴\n（四）民生保障', 'heading-ordinal-sequence');
    expect(f.text).toBe('（四）');
    expect(f.message).toContain('（三）');
  });
});

describe('heading-ordinal-format', () => {
  it('fixes a garbled (-) to the ordinal its sequence expects, in full-width brackets', async () => {
    const found = await findings('一、基本情况\n(一)经济运行平稳。\n(-)项目建设提速。', 'heading-ordinal-format');
    const f = found.find((x) => x.text === '(-)')!;
    expect(f.fix?.text).toBe('（二）');
  });

  it('brings a minority bracket width into line with the level', async () => {
    const [f] = await findings('（一）甲项工作\n（二）乙项工作\n(三)丙项工作', 'heading-ordinal-format');
    expect(f.text).toBe('(三)');
    expect(f.fix?.text).toBe('（三）');
  });
});

describe('unbalanced-pair', () => {
  it('reports a habit of closing “ with a straight quote once, with one fix for all of them', async () => {
    const text = '推进“一网通办"，落实“最多跑一次"，推广“不见面审批"。';
    const found = await findings(text, 'unbalanced-pair');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('3');
    const { output } = await fixText(text, 'text', { rules: (await builtinRules()).filter((r) => r.definition.id === 'unbalanced-pair') });
    expect(output).toBe('推进“一网通办”，落实“最多跑一次”，推广“不见面审批”。');
  });

  it('fixes “…’ to “…”', async () => {
    const [f] = await findings('完成“七五’计划。', 'unbalanced-pair');
    expect(f.fix?.text).toBe('”');
  });

  it('reads a line cut mid-sentence as going on in the next line', async () => {
    expect(await findings('依据《乡村振兴\n促进法》开展工作。', 'unbalanced-pair')).toEqual([]);
  });

  it('leaves a quotation mark standing free between spaces or middle dots (OCR debris), and reports one next to text', async () => {
    for (const free of ['目录 “ 第一章。', '目录\u00a0“\u3000第一章。', '目录·“·第一章。', '“ 第一章。', '目录\t“']) {
      expect(await findings(free, 'unbalanced-pair'), free).toEqual([]);
    }
    expect(await findings('目录 “第一章。', 'unbalanced-pair')).toHaveLength(1);
  });

  it('lists the first 20 problems of a document broken wholesale, then says how many there are', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `第${i + 1}项“未闭合。`).join('\n');
    const found = await findings(text, 'unbalanced-pair');
    expect(found).toHaveLength(21);
    expect(found[20].message).toContain('30');
  });
});

describe('punctuation-width', () => {
  it('reports a paragraph typed with half-width marks once, with the count, and leaves numbers and ordinals alone', async () => {
    const text = '(一)今年以来,全镇完成投资1,200万元,增长3.5%;上午10:30召开会议.';
    const found = await findings(text, 'punctuation-width');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('4处');
    const { output } = await fixText(text, 'text', { rules: (await builtinRules()).filter((r) => r.definition.id === 'punctuation-width') });
    expect(output).toBe('(一)今年以来，全镇完成投资1,200万元，增长3.5%；上午10:30召开会议。');
  });

  it('turns straight quotes around Chinese text into “” by pairs, and leaves Latin quotes and mismatched pairs to others', async () => {
    const only = async () => (await builtinRules()).filter((r) => r.definition.id === 'punctuation-width');
    const text = '开展"一网通办"和"跨省通办",引进 "Smart City" 项目。';
    const found = await findings(text, 'punctuation-width');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('5处')]);
    const { output } = await fixText(text, 'text', { rules: await only() });
    expect(output).toBe('开展“一网通办”和“跨省通办”，引进 "Smart City" 项目。');
    // A curly opening closed by a straight quote is a mismatched pair: unbalanced-pair reports it, once.
    expect(await findings('根据《“十四五"规划》执行。', 'punctuation-width')).toEqual([]);
    expect(await findings('根据《“十四五"规划》执行。', 'unbalanced-pair')).toHaveLength(1);
    expect(await findings('He said "hello" to me.', 'punctuation-width')).toEqual([]);
  });
});

describe('duplicate-text', () => {
  it('points at the line of the first occurrence', async () => {
    const [f] = await findings('全面完成年度目标任务，群众满意度提升。\n二、存在问题\n全面完成年度目标任务，群众满意度提升。', 'duplicate-text');
    expect(f.message).toContain('第1行');
  });
});

describe('period-mismatch', () => {
  it('knows the year of each stage of a five-year plan, in any kind of document', async () => {
    const stage = async (sentence: string) => (await findings(`关于农村公路建设的情况说明\n${sentence}`, 'period-mismatch')).map((f) => f.text);
    expect(await stage('2016年是“十三五”开局之年。')).toEqual([]);
    expect(await stage('2017年是十三五规划的第二年。')).toEqual([]);
    expect(await stage('2018年是十三五规划的第二年。')).toEqual(['2018年是十三五规划的第二年']);
    expect(await stage('2024年是“十四五”的收官之年。')).toEqual(['2024年是“十四五”的收官之年']);
    expect(await stage('2027年是“十五五”规划攻坚之年。')).toEqual([]);
    expect(await stage('2019年是“十五五”规划攻坚之年。')).toEqual(['2019年是“十五五”规划攻坚之年']);
    const [f] = await findings('关于农村公路建设的情况说明\n2023年是“十三五”规划开局之年。', 'period-mismatch');
    expect(f.message).toContain('开局之年应为2016年');
  });

  it('reports a target year already past in a later summary or plan, in either language', async () => {
    const text = '新丰镇2024年工作计划\n一、主要目标\n争取在2022年下半年建成污水处理站，力争到2026年实现全覆盖。';
    const [f, ...rest] = await findings(text, 'period-mismatch');
    expect(rest).toEqual([]);
    expect(f.text).toBe('争取在2022年下半年');
    expect(f.message).toContain('2024年的计划');
    const rules = (await builtinRules()).filter((r) => r.definition.id === 'period-mismatch');
    const { findings: [en] } = await lintText(text, 'text', { rules, locale: 'en' });
    expect(en.message).toContain('sets 2022 as a year still ahead, but this is a 2024 plan');
    // The same sentence in a document of that year is a plan, not a leftover.
    expect(await findings(text.replace('2024年', '2021年'), 'period-mismatch')).toEqual([]);
  });

  it('does not read the forward-looking section of a half-year summary', async () => {
    const text = '新丰镇2025年上半年工作总结\n一、上半年工作\n道路改造完成过半。\n二、下半年工作打算\n全年实现道路通车，12月完成验收。';
    expect(await findings(text, 'period-mismatch')).toEqual([]);
  });
});

describe('stale-term', () => {
  it('names a 普法 plan by its own five years, and lets the year after it look back', async () => {
    const [f] = await findings('新丰镇2023年工作总结\n深入开展“七五”普法活动。', 'stale-term');
    expect(f.message).toContain('2016—2020年');
    expect(await findings('新丰镇2021年工作总结\n完成“七五”普法总结验收。', 'stale-term')).toEqual([]);
    expect(await findings('新丰镇2023年工作总结\n2021年完成“七五”普法总结验收。', 'stale-term')).toEqual([]);
  });

  it('gives the period in English numerals in an English message', async () => {
    const rules = (await builtinRules()).filter((r) => r.definition.id === 'stale-term');
    const text = '新丰镇2023年工作总结\n深入开展“七五”普法活动。';
    const { findings: [f] } = await lintText(text, 'text', { rules, locale: 'en' });
    expect(f.message).toContain('2016–2020,');
    expect(f.message).not.toMatch(/年/);
  });

  it('runs a team’s own term table loaded with --rules', async () => {
    const rule = `id: local-stale-term
type: term-table
severity: warning
message: { zh: "“{match}”已过时（{period}）", en: '"{match}" is outdated ({period})' }
docs:
  summary: { zh: 本地过时提法, en: Local outdated terms }
  what: 本地机构更名。
  why: 机构已更名。
  source: 本地文件
examples:
  valid: ["新丰镇2025年工作总结\\n配合县行政审批局工作。"]
  invalid: ["新丰镇2025年工作总结\\n配合县政务服务中心工作。"]
options:
  terms:
    - { match: '政务服务中心', to: 2020, use: 行政审批局 }
`;
    const dir = tempDir({ 'team/local.yaml': rule, 'a.txt': '新丰镇2025年工作总结\n配合县政务服务中心做好审批工作。\n' });
    const r = await cli(['--rules', 'team', 'a.txt', '--format', 'json'], dir);
    const [file] = JSON.parse(r.stdout);
    expect(file.messages.filter((m: { ruleId: string }) => m.ruleId === 'local-stale-term')).toHaveLength(1);
  });
});

describe('SARIF', () => {
  it('points helpUri of built-in rules at their page under docs/rules, relative to informationUri; user rules have none', async () => {
    const rule = `id: my-rule
type: pattern
severity: warning
message: { zh: 测试, en: test }
docs:
  summary: { zh: 测试, en: test }
  what: 测试。
  why: 测试。
  source: 测试
examples: { valid: [甲], invalid: [乙] }
options: { patterns: [{ regex: '乙' }] }
`;
    const dir = tempDir({ 'mine/r.yaml': rule, 'a.txt': '乙\n' });
    const r = await cli(['--rules', 'mine', 'a.txt', '--format', 'sarif'], dir);
    const { rules, informationUri } = JSON.parse(r.stdout).runs[0].tool.driver;
    const byId = new Map(rules.map((d: { id: string }) => [d.id, d]));
    expect((byId.get('range-dash') as { helpUri: string }).helpUri).toBe(`${informationUri}/blob/main/docs/rules/range-dash.md`);
    expect((byId.get('my-rule') as { helpUri?: string }).helpUri).toBeUndefined();
  });
});

describe('capped reporting', () => {
  it('lists the first findings without a fix, every fixable one, then one finding with the count', async () => {
    const { capped } = await import('../src/checkers/util.js');
    const out: Array<{ start: number; fixed: boolean; count?: unknown }> = [];
    const { emit, flush } = capped((h) => out.push({ start: h.start, fixed: !!h.fix, count: h.evidence?.count }), 2, { zh: '多', en: 'many' });
    for (let i = 0; i < 5; i++) emit({ start: i, end: i + 1, ...(i === 3 && { fix: { start: i, end: i + 1, text: 'x' } }) });
    flush();
    expect(out).toEqual([
      { start: 0, fixed: false, count: undefined },
      { start: 1, fixed: false, count: undefined },
      { start: 3, fixed: true, count: undefined },
      { start: 2, fixed: false, count: 5 },
    ]);
  });
});
