import { describe, expect, it } from 'vitest';
import { claimChecker } from '../src/checkers/claim.js';
import { RuleError, type RuleDefinition } from '../src/rules/definition.js';
import { lintText } from '../src/engine/lint.js';
import { builtinRules, lintString } from './helpers/lint.js';

describe('numeric rules', () => {
  it('rate-mismatch gives the computed value and the numbers used, as message and evidence', async () => {
    const [f] = await lintString('共受理信访事项120件，办结114件，办结率98%。', { rule: 'rate-mismatch' });
    expect(f.message).toBe('“办结率98%”与数据不符：114件÷120件=95%');
    expect(f.evidence).toMatchObject({ claim: 'ratio', label: '办结率', rate: 98, numerator: 114, denominator: 120, computed: 95 });
  });

  it('growth-rate-mismatch reports a rate and a contradicting direction word', async () => {
    const [a] = await lintString('税收收入由2.9亿元增长为8亿元，增长2.7倍。', { rule: 'growth-rate-mismatch' });
    expect(a.message).toContain('计算结果为1.76倍');
    const [b] = await lintString('贫困人口由120人减至135人，增长12.5%。', { rule: 'growth-rate-mismatch' });
    expect(b.message).toContain('方向词“减”与数值相反');
  });

  it('never reports a number that is a placeholder', async () => {
    for (const text of ['受理纠纷128宗，调结1X1宗，调结率90.13%。', '收入由1X万元增至20万元，增长25%。', '有A村、B村和C村等X个村。']) {
      for (const rule of ['rate-mismatch', 'growth-rate-mismatch', 'enumeration-count-mismatch']) {
        expect(await lintString(text, { rule }), `${rule}: ${text}`).toEqual([]);
      }
    }
  });

  it('negative-rate-wording offers a fix that swaps the word and drops the sign', async () => {
    const text = '规上工业增加值同比下降了-3.2%，工业用电量增长－1.5%。';
    const found = await lintString(text, { rule: 'negative-rate-wording' });
    const fixed = [...found].reverse().reduce((s, f) => s.slice(0, f.fix!.start) + f.fix!.text + s.slice(f.fix!.end), text);
    expect(fixed).toBe('规上工业增加值同比增长了3.2%，工业用电量下降1.5%。');
  });

  it('English messages agree in number with their figures (1 percentage point, 2.5 percentage points)', async () => {
    const rules = (await builtinRules()).filter((r) => r.definition.id === 'percentage-point-misuse');
    const en = async (text: string) => (await lintText(text, 'text', { rules, locale: 'en' })).findings[0].message;
    expect(await en('满意度由44%提高到45%，提高了1%。')).toContain('a change of 1 percentage point,');
    expect(await en('满意度由44%提高到46.5%，提高了2.5%。')).toContain('a change of 2.5 percentage points,');
  });

  it('bounded-rate-over-100 names a long rate in full, or marks where its name was cut', async () => {
    const [whole] = await lintString('农村生活垃圾无害化处理率达到105%。', { rule: 'bounded-rate-over-100' });
    expect(whole.message).toContain('“农村生活垃圾无害化处理率”');
    const [cut] = await lintString('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑处理率达到105%。', { rule: 'bounded-rate-over-100' });
    expect(cut.message).toContain('“…');
  });

  it('bounded-rate-over-100 knows which rates are bounded', async () => {
    expect(await lintString('群众满意率达到102%，特色产业增长率达到120%。', { rule: 'bounded-rate-over-100' })).toHaveLength(1);
    expect((await lintString('安全事故比上年下降120%。', { rule: 'bounded-rate-over-100' }))[0].message).toContain('下降超过100%');
  });

  it('completion-over-100 says why a completion percentage is shown, at the level its reason allows', async () => {
    const [plain] = await lintString('重点项目投资完成率129.6%。', { rule: 'completion-over-100' });
    expect([plain.level, plain.message]).toEqual(['warning', '“重点项目投资完成率129.6%”超过100%，文中未说明超额的原因：请核实完成数和计划数（笔误、口径或计划调整），属实的可写明“超额完成”']);
    const [stated] = await lintString('超额完成年度任务，完成率216%。', { rule: 'completion-over-100' });
    expect([stated.level, stated.message]).toEqual(['info', '“完成率216%”超过100%，文中写明超额完成：请确认完成数和计划数无误']);
    expect((await lintString('完成土地清理44亩，完成率485%。', { rule: 'completion-over-100' }))[0].message).toContain('超过150%');
  });

  it('enumeration-count-mismatch reports the count', async () => {
    const text = '有东坑、西岭、南塘和北湖等1条村被评为卫生村。';
    const [f] = await lintString(text, { rule: 'enumeration-count-mismatch' });
    expect(text.slice(f.start, f.end)).toBe('1条');
    expect(f.message).toBe('列举了4项，数量却写作“1条”');
  });
});

describe('claim checker', () => {
  const rule = (checks: unknown[]): RuleDefinition => ({
    id: 'test-claim', type: 'claim', severity: 'error', file: 'test.yaml',
    message: { zh: 'x', en: 'x' }, docs: { summary: { zh: 'x', en: 'x' }, what: 'x', why: 'x', source: 'x' },
    examples: { valid: [], invalid: ['x'] }, options: { checks },
  });

  it('refuses names the claim kind does not have, and bad label patterns, naming the place', async () => {
    await expect(claimChecker.compile(rule([{ claim: 'ratio', where: 'items > 1' }]))).rejects.toThrow(/\/options\/checks\/0\/where.*unknown name "items"/);
    await expect(claimChecker.compile(rule([{ claim: 'ratio', label: '(', where: 'rate > 1' }]))).rejects.toThrow(RuleError);
    await expect(claimChecker.compile(rule([{ claim: 'growth', where: 'rate.x > 1' }]))).rejects.toThrow(/not allowed/);
  });
});
