import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { compileRules } from '../src/rules/compile.js';
import type { Level } from '../src/types.js';
import { builtinRules, lintString } from './helpers/lint.js';

/** [reported text, level] of each finding of one rule. */
async function found(text: string, rule: string): Promise<Array<[string, string]>> {
  return (await lintString(text, { rule })).map((f) => [text.slice(f.start, f.end), f.level]);
}

describe('completion-over-100', () => {
  it('reports every completion percentage above 100% in each way it is written, as a warning when no reason is given', async () => {
    const phrasings = [
      ['全年新增市场主体1,350户，完成全年任务的103.8%。', '103.8%'],
      ['完成造林4,100亩，为年度计划的102.5%。', '102.5%'],
      ['全年完成交通投资8.9亿元，占年度目标8.2亿元的108.5%。', '108.5%'],
      ['税收收入完成年度预算的101.4%。', '101.4%'],
      ['一季度工业产值完成序时进度的106%。', '106%'],
      ['重点项目投资完成率118.3%。', '118.3%'],
      ['新增就业完成市下达任务的１１２．６％。', '１１２．６％'],
      // Without 的: 完成计划指标N%, 完成年度任务N%.
      ['地方税收达到860万元，完成计划指标107.5%。', '107.5%'],
      ['全年造林3,300亩，完成年度任务110%。', '110%'],
      // 占 a budget without 的, as finance execution reports write it.
      ['非税收入完成6,420万元，占调整预算112.6%。', '112.6%'],
      ['税务部门组织收入9,860万元，占年初预算101.3%，同比增长4.2%。', '101.3%'],
    ];
    for (const [text, rate] of phrasings) {
      const [f, ...rest] = await lintString(text, { rule: 'completion-over-100' });
      expect(rest, text).toEqual([]);
      expect(text.slice(f.start, f.end), text).toContain(rate);
      expect(f.level, text).toBe('warning');
      expect(f.message, text).toContain('未说明超额的原因');
    }
  });

  it('is info when the sentence says it was over-fulfilled, and a warning again above the ceiling', async () => {
    expect(await found('超额完成年度任务，完成率126%。', 'completion-over-100')).toEqual([['完成率126%', 'info']]);
    expect(await found('完成投资3.1亿元，为年度计划的112%，超计划完成。', 'completion-over-100')).toEqual([['为年度计划的112%', 'info']]);
    // 超收 states the amount collected over the budget: the excess is said.
    expect(await found('一般公共预算收入完成2.38亿元，超收1,860万元，完成预算的108.5%。', 'completion-over-100')).toEqual([['完成预算的108.5%', 'info']]);
    const [f] = await lintString('超额完成年度任务，完成率326%。', { rule: 'completion-over-100' });
    expect([f.level, f.message]).toEqual(['warning', '“完成率326%”超过150%，远超计划：多半是小数点错位、分子分母颠倒或计划数写错，请核实']);
    // Without a stated reason the ceiling is the lower one.
    expect(await found('完成率186%。', 'completion-over-100')).toEqual([['完成率186%', 'warning']]);
    expect((await lintString('超额完成任务，完成率286%。', { rule: 'completion-over-100' }))[0].level).toBe('info');
  });

  it('reports each percentage of a 分别 series on its own', async () => {
    const text = '造林、种草分别完成年度目标任务的108%和236%。';
    expect(await found(text, 'completion-over-100')).toEqual([
      ['完成年度目标任务的108%', 'warning'],
      ['236%', 'warning'],
    ]);
  });

  it('stays silent at or below 100%, for growth and for comparisons with last year', async () => {
    for (const text of [
      '全年完成固定资产投资5.2亿元，为年度计划的100%。',
      '上半年完成全年任务的56.3%，快于序时进度6.3个百分点。',
      '外贸进出口总额同比增长126%。',
      '社会消费品零售总额为上年同期的115%。',
      '一般公共预算收入是上年的108.6%。',
      // A share of revenue (预算收入) is no completion, and a completion at or below 100% is silent.
      '税收收入占一般公共预算收入106.2%。',
      '上半年完成财政收入1,650万元，占年度预算46.2%。',
      '完成年度任务的XX%。',
    ]) expect(await lintString(text, { rule: 'completion-over-100' }), text).toEqual([]);
  });

  it('a configured level applies to every finding; the ceilings are parameters a configuration can set', async () => {
    const [rule] = (await builtinRules()).filter((r) => r.definition.id === 'completion-over-100');
    const text = '超额完成年度任务，完成率126%。';
    const at = async (level: Level) => (await lintText(text, 'text', { rules: [rule], levels: new Map([['completion-over-100', level]]) })).findings.map((f) => f.level);
    expect(await at('warning')).toEqual(['info']);
    expect(await at('error')).toEqual(['error']);
    const options = rule.definition.options as { params: Record<string, number> };
    const [lower] = await compileRules([{ ...rule.definition, options: { ...options, params: { ...options.params, overfulfilledCeiling: 120 } } }]);
    const [f] = (await lintText(text, 'text', { rules: [lower] })).findings;
    expect([f.level, f.message]).toEqual(['warning', expect.stringContaining('超过150%')]);
  });
});

describe('bounded-rate-over-100', () => {
  it('reports a bounded rate above 100%, whatever its subject', async () => {
    for (const text of [
      '春季造林成活率达到101.6%。',
      '辖区12个断面水质达标率为108.3%。',
      '小学净入学率100.4%。',
      '城乡居民医保参保率102%。',
      '政策知晓率为103.5%。',
      '秸秆综合利用率达104%。',
      '医疗废物处置率101%。',
    ]) expect(await lintString(text, { rule: 'bounded-rate-over-100' }), text).toHaveLength(1);
  });

  it('reads 普及率 and 及格率 whole (及 is part of the word, not a conjunction)', async () => {
    const [f] = await lintString('全县农村自来水普及率达105%。', { rule: 'bounded-rate-over-100' });
    expect(f?.message).toContain('自来水普及率');
    expect(await lintString('学生体质测试及格率达104%。', { rule: 'bounded-rate-over-100' })).toHaveLength(1);
    expect(await lintString('全县农村自来水普及率达95%。', { rule: 'bounded-rate-over-100' })).toEqual([]);
    // 及 as a conjunction still ends the name: 污水及垃圾 is two things, not one rate's word.
    const [g] = await lintString('污水及垃圾处理达标率达105%。', { rule: 'bounded-rate-over-100' });
    expect(g?.message).toContain('垃圾处理达标率');
    expect(g?.message).not.toContain('及');
  });

  it('reads the latest value of a rate that moved from one value to another', async () => {
    for (const text of ['森林覆盖率由52.3%提高到103.5%。', '群众满意率从96%提升至101%。', '垃圾分类知晓率由80%上升到102%，提高22个百分点。']) {
      expect(await lintString(text, { rule: 'bounded-rate-over-100' }), text).toHaveLength(1);
    }
    for (const text of ['森林覆盖率由52.3%提高到63.5%。', '病床使用率由96%提高到104%。', '毛入园率由92%提高到103%。']) {
      expect(await lintString(text, { rule: 'bounded-rate-over-100' }), text).toEqual([]);
    }
  });

  it('names each rate of a list given its values together', async () => {
    for (const [text, name] of [['群众知晓率、满意率分别为96.2%和103%。', '“满意率”'], ['群众满意率、知晓率分别为103%和96.2%。', '“群众满意率”']]) {
      const found = await lintString(text, { rule: 'bounded-rate-over-100' });
      expect(found.map((f) => f.message), text).toEqual([expect.stringContaining(name)]);
    }
  });

  it('leaves rates that may exceed 100%: gross enrolment, growth, completion, contribution', async () => {
    for (const text of [
      '学前三年毛入园率106.2%，高中阶段毛入学率103.6%。',
      '特色产业产值增长率达到120%。',
      '投资完成率112%。',
      '病床使用率103.2%。',
      '春季造林成活率达到98.6%。',
    ]) expect(await lintString(text, { rule: 'bounded-rate-over-100' }), text).toEqual([]);
  });

  it('a bounded completion rate above 100% is reported once, as the impossible value it is', async () => {
    const text = '问题整改完成率105%。';
    const all = (await builtinRules()).filter((r) => ['bounded-rate-over-100', 'completion-over-100'].includes(r.definition.id));
    const { findings } = await lintText(text, 'text', { rules: all });
    expect(findings.map((f) => f.ruleId)).toEqual(['bounded-rate-over-100']);
  });
});
