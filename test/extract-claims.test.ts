import { describe, expect, it } from 'vitest';
import type { Claim, ClaimKind } from '../src/extract/index.js';
import { model } from './helpers/model.js';

async function claims(text: string, kind: ClaimKind): Promise<Array<Claim & { span: string }>> {
  const m = await model(text);
  return m.claims.claims.filter((c) => c.kind === kind).map((c) => ({ ...c, span: text.slice(c.start, c.end) }));
}

async function only(text: string, kind: ClaimKind): Promise<Claim & { span: string }> {
  const found = await claims(text, kind);
  expect(found, text).toHaveLength(1);
  return found[0];
}

/** Whether a stated rate passes the rules' test: within [low − step, high + step]. */
const accepted = (c: Claim) => c.values.rate >= c.values.low - c.values.step && c.values.rate <= c.values.high + c.values.step;

describe('growth claims', () => {
  it('由A增至B，增长r%: both values, the rate and its span', async () => {
    const text = '村集体收入由50万元增至60万元，增长20%。';
    const c = await only(text, 'growth');
    expect(c.span).toBe('50万元增至60万元，增长20%');
    expect(c.values).toMatchObject({ before: 500000, now: 600000, rate: 20, direction: 1, verbDirection: 1 });
    expect(c.values.computed).toBeCloseTo(20);
    expect(c.reason).toBeUndefined();
  });

  it('B，比上年的A增长r% and 较去年同期（A）增长r%', async () => {
    const a = await only('全年接待游客12.6万人次，比上年的10.5万人次增长20%。', 'growth');
    expect(a.values).toMatchObject({ now: 126000, before: 105000, rate: 20 });
    const b = await only('实现税收8600万元，较去年同期（7800万元）增长10.3%。', 'growth');
    expect(b.values).toMatchObject({ now: 86000000, before: 78000000 });
    expect(b.values.computed).toBeCloseTo(10.256, 2);
  });

  it('B，比上年增加C，增长r%: the earlier value from the difference', async () => {
    const c = await only('社会消费品零售总额1753亿元，比上年增加225亿元，增长14.7%。', 'growth');
    expect(c.values.before).toBe(1528e8);
    expect(accepted(c)).toBe(true);
  });

  it('decreases, multiples, 翻番 and percentage points', async () => {
    const down = await only('贫困人口由1200人减少到900人，下降25%。', 'growth');
    expect(down.values).toMatchObject({ direction: -1, decrease: 25 });
    expect(down.values.computed).toBeCloseTo(25);
    const times = await only('税收由2.9亿元增长为8亿元，增长2.7倍。', 'growth');
    expect(times.values.multiple).toBe(1);
    expect(times.values.computed).toBeCloseTo(1.7586, 3);
    expect(accepted(times)).toBe(false);
    const to = await only('产值由2亿元增长到6亿元，增长到3倍。', 'growth');
    expect(to.values.computed).toBeCloseTo(3);
    const fan = await only('农民收入由5000元增加到10000元，翻了一番。', 'growth');
    expect(fan.values.rate).toBe(2);
    expect(accepted(fan)).toBe(true);
    const points = await only('覆盖率由92%提高到95%，提高3个百分点。', 'growth');
    expect(points.values).toMatchObject({ points: 1, pointDiff: 3 });
    expect(accepted(points)).toBe(true);
  });

  it('a rate alone is found but has no base; annual averages are not comparable', async () => {
    expect((await only('规上工业增加值同比增长8.5%。', 'growth')).reason).toBe('missing-base');
    expect((await only('地区生产总值从40亿元增加到60亿元，年均增长8.4%。', 'growth')).reason).toBe('not-comparable');
    expect((await only('收入由1X万元增至20万元，增长25%。', 'growth')).reason).toBe('placeholder');
    expect((await only('收入由约10万元增至20万元，增长100%。', 'growth')).reason).toBe('approximate');
  });

  it('does not give a rate the values of another subject', async () => {
    const c = await claims('技术合同成交额从1795亿元增加到5260亿元，高新技术企业增长3.2倍。', 'growth');
    expect(c.find((x) => x.values.multiple === 1)?.reason).toBe('missing-base');
  });

  it('keeps the flipped wording of a negative rate for the fix', async () => {
    const c = await only('外贸进出口总额同比下降了-1.5%。', 'growth');
    expect(c.values.negative).toBe(1);
    expect(c.text.flipped).toBe('增长了1.5%');
  });
});

describe('rounding tolerance', () => {
  // 111/128 = 86.71875%: a rate is right when it is the exact value rounded at its own precision.
  it.each([
    ['87%', true], ['86%', false], ['88%', false],
    ['86.7%', true], ['86.8%', false], ['86.6%', false],
    ['86.72%', true], ['86.71%', false], ['86.73%', false], ['86.719%', true],
  ])('调结率%s for 111/128 accepted: %s', async (rate, ok) => {
    const c = await only(`受理纠纷128宗，调结111宗，调结率${rate}。`, 'ratio');
    expect(accepted(c)).toBe(ok);
  });

  it.each([
    // 1/8 = 12.5%: half-up (13%) and half-even (12%) both round it.
    ['12%', true], ['13%', true], ['14%', false], ['12.5%', true],
  ])('调结率%s for 1/8 accepted: %s', async (rate, ok) => {
    expect(accepted(await only(`受理纠纷8宗，调结1宗，调结率${rate}。`, 'ratio'))).toBe(ok);
  });

  it('allows for the rounding of the values themselves', async () => {
    // 1.5/1.2 = 1.25, but 1.45–1.55 over 1.15–1.25 spans 16%–35%.
    expect(accepted(await only('产量由1.2万吨增至1.5万吨，增长30%。', 'growth'))).toBe(true);
    expect(accepted(await only('产量由12000吨增至15000吨，增长30%。', 'growth'))).toBe(false);
  });
});

describe('ratio and completion claims', () => {
  it('finds the counts in the clauses that name the action, in the order given', async () => {
    const text = '发生刑事案件28宗，破18宗，破案率81.3%；受理信访45件，办结45件，办结率100%。';
    const found = await claims(text, 'ratio');
    expect(found.map((c) => [c.label, c.values.numerator, c.values.denominator, c.span])).toEqual([
      ['破案率', 18, 28, '28宗，破18宗，破案率81.3%'],
      ['办结率', 45, 45, '45件，办结45件，办结率100%'],
    ]);
  });

  it('does not borrow counts from a neighbouring statement', async () => {
    const [c] = await claims('办理人大代表建议395件、政协提案495件，办复率100%。', 'ratio');
    expect(c.reason).toBe('missing-base');
    const [d] = await claims('新增就业1200人，培训3000人次，就业率95%。', 'ratio');
    expect(d.reason).toBe('missing-base');
  });

  it('占…的Z% and 为目标B的Z%', async () => {
    const share = await only('流转土地1.2万亩，占耕地面积的10.1%。', 'ratio');
    expect(share).toMatchObject({ label: '占耕地面积的', reason: 'missing-base' });
    const done = await only('完成投资5.4亿元，为年度计划6亿元的90%。', 'completion');
    expect(done.values).toMatchObject({ numerator: 5.4e8, denominator: 6e8, rate: 90 });
    expect(done.values.computed).toBeCloseTo(90);
  });

  it('completion percentages, with 超额完成 noted', async () => {
    expect((await only('完成批而未供土地清理44亩，完成率485%。', 'completion')).values).toMatchObject({ rate: 485, overfulfilled: 0 });
    expect((await only('超额完成年度任务，完成全年任务的112%。', 'completion')).values).toMatchObject({ rate: 112, overfulfilled: 1 });
  });
});

describe('breakdown claims', () => {
  it('a total and its parts after 其中, in one unit family', async () => {
    const c = await only('争取资金1200万元，其中产业资金800万元，基础设施资金0.06亿元。', 'breakdown');
    expect(c.values).toMatchObject({ total: 1.2e7, sum: 1.4e7, parts: 2, complete: 0 });
    expect(c.span).toBe('1200万元，其中产业资金800万元，基础设施资金0.06亿元');
  });

  it('分别为 and 合计 declare the breakdown complete', async () => {
    expect((await only('共培训150人，分别为种植类90人、养殖类60人。', 'breakdown')).values).toMatchObject({ total: 150, sum: 150, complete: 1 });
    expect((await only('种植类90人、养殖类50人，合计150人。', 'breakdown')).values).toMatchObject({ sum: 140, complete: 1 });
  });

  it('an average and one year of it are not a breakdown', async () => {
    expect(await claims('年均产量464万吨（其中1995年为475万吨）。', 'breakdown')).toEqual([]);
  });
});

describe('enumeration claims', () => {
  it.each([
    ['有赵村、钱村、孙村和李村等1个村被评为卫生村。', 4, 1, 1],
    ['建成茶叶、花卉、蔬菜、水果和中药材等五大产业基地。', 5, 5, 1],
    ['从党建、计生、殡改等七个方面加强考核。', 3, 7, 1],
    ['引进光伏、食品两家企业。', 2, 2, 0],
  ])('%s', async (text, items, count, etc) => {
    const c = await only(text, 'enumeration');
    expect(c.values).toMatchObject({ items, count, etc });
    expect(text.slice(c.spans!.count.start, c.spans!.count.end)).toBe(c.text.countText);
  });

  it('等一批 and counts of objects after a list of kinds are not enumerations', async () => {
    expect(await claims('打造东湖、西湖等一批公共空间。', 'enumeration')).toEqual([]);
    expect(await claims('新建、改扩建机场50个。', 'enumeration')).toEqual([]);
    expect(await claims('新增科技型企业7533家、专精特新企业113家。', 'enumeration')).toEqual([]);
  });
});

describe('indicator claims', () => {
  it('marks a second, different value for the same indicator and period', async () => {
    const found = await claims('全年一般公共预算收入3.2亿元。一般公共预算收入3.5亿元，其中税收2亿元。', 'indicator');
    expect(found.map((c) => [c.label, c.values.value, c.values.conflict])).toEqual([
      ['一般公共预算收入', 3.2e8, 0],
      ['一般公共预算收入', 3.5e8, 1],
    ]);
  });

  it('keeps periods and targets apart', async () => {
    const found = await claims('上半年固定资产投资5.6亿元。全年固定资产投资6亿元。明年固定资产投资目标7亿元。', 'indicator');
    expect(found.map((c) => c.values.conflict)).toEqual([0, 0]);
  });
});

describe('ParagraphLeads', () => {
  it('gives, for every position, the last period named before it and whether a target word precedes it', async () => {
    const { ParagraphLeads } = await import('../src/extract/claims/indicator.js');
    const PERIOD = /过去五年|五年来|五年累计|十三五|十四五|十五五|(?:19|20)\d\d年(?:上半年|前三季度|一季度|[1-9１-９]\s*[-—–至~～]\s*\d{1,2}月)?|上半年|前三季度|一季度|[一二三四]季度|1\s*[-—–至~～]\s*\d{1,2}月|去年|上年|今年|全年/gu;
    const PLAN = /目标|预计|预期|力争|计划|确保|争取|规划|到20\d\d年|以上|左右|将|要/;
    const content = '前言。2023年上半年，地区生产总值100亿元；1-6月固定资产投资20亿元，过去五年累计投资90亿元，今年力争突破120亿元。';
    const paragraph = { start: 3, end: content.length };
    const leads = new ParagraphLeads(content);
    // Indicators never start inside a period or a target word (no indicator name continues one).
    const inside = new Set<number>();
    for (const re of [PERIOD, new RegExp(PLAN.source, 'gu')]) {
      for (const m of content.slice(paragraph.start).matchAll(re)) for (let k = 1; k < m[0].length; k++) inside.add(paragraph.start + m.index + k);
    }
    for (let position = paragraph.start; position <= paragraph.end; position++) {
      if (inside.has(position)) continue;
      // What the extraction did before: scan the paragraph's text up to the position each time.
      const lead = content.slice(paragraph.start, position);
      const periods = [...lead.matchAll(PERIOD)];
      expect(leads.before(paragraph, position)).toEqual({ period: periods.length ? periods[periods.length - 1][0] : '', plan: PLAN.test(lead) });
    }
  });
});
