import { describe, expect, it } from 'vitest';
import { families, messagesOf } from './helpers/families.js';
import { model } from './helpers/model.js';

/** The average-mismatch messages of a text. */
const mismatches = (text: string) => messagesOf('average-mismatch', text);

describe('average-mismatch: a total, a count and the average per household, person or mu', () => {
  families('average-mismatch', [
    {
      // A bare 户均 after a sum handed out, the count in the clause between.
      wrong: '兑现光伏收益分配资金48万元，受益脱贫户160户，户均3500元。',
      says: '48万元÷160户=3000元',
      right: [
        '兑现光伏收益分配资金48万元，受益脱贫户160户，户均3000元。',
        // Rounded to the hundred: within the margin.
        '兑现光伏收益分配资金48万元，受益脱贫户165户，户均2900元。',
        // Approximate total: not checked.
        '兑现光伏收益分配资金近48万元，受益脱贫户160户，户均3500元。',
      ],
    },
    {
      // The averaged word (增收) names the total's clause; the total after the average.
      wrong: '引导农户种植中药材，参与农户240户，户均增收6000元，共增收96万元。',
      says: '96万元÷240户=4000元',
      right: [
        '引导农户种植中药材，参与农户240户，户均增收4000元，共增收96万元。',
        // The money is an investment, not the income the average speaks of.
        '投入扶持资金96万元，参与农户240户，户均增收6000元。',
        // The collective's income is another subject's.
        '带动村集体增收96万元，带动脱贫户240户户均增收6000元。',
        // Two counts of households: which one is averaged over is not said.
        '全村农户320户，参与种植240户，户均增收6000元，共增收96万元。',
      ],
    },
    {
      wrong: '组织新型职业农民培训450人，人均补贴300元，共发放培训补贴18万元。',
      says: '18万元÷450人=400元',
      right: [
        '组织新型职业农民培训450人，人均补贴400元，共发放培训补贴18万元。',
        // A monthly amount against a yearly sum: 月补助 is not named in the total's clause.
        '全年发放低保金356万元，保障对象860人，人均月补助345元。',
        // The count is a threshold group (60岁以上).
        '为1200名60岁以上老人发放高龄补贴86万元，人均补贴600元。',
      ],
    },
    {
      // Per mu: the count in 万亩, the total in 万元.
      wrong: '发放耕地地力保护补贴286万元，补贴面积3.2万亩，亩均98元。',
      says: '286万元÷3.2万亩=89.38元',
      right: ['发放耕地地力保护补贴286万元，补贴面积3.2万亩，亩均89元。', '发放耕地地力保护补贴286万元，补贴面积3.2万亩，亩均89.4元。'],
    },
    {
      // An area per person, the averaged word (耕地) in the total's clause.
      wrong: '全镇共有耕地4.6万亩，农业人口2.3万人，人均耕地2.4亩。',
      says: '4.6万亩÷2.3万人=2亩',
      right: ['全镇共有耕地4.6万亩，农业人口2.3万人，人均耕地2亩。', '全镇共有耕地4.6万亩，农业人口2.3万人，人均住房面积42平方米。'],
    },
    {
      // People per household: the people counted right after the households.
      wrong: '全村386户1,470人，户均4.8人。',
      says: '1,470人÷386户=3.81人',
      right: ['全村386户1,470人，户均3.8人。', '全村386户，户均3.8人，常住人口1,470人。'],
    },
  ]);

  it('never compares a rate or a change with its last-year figure', async () => {
    for (const text of [
      '农民人均可支配收入18,600元，比上年的17,200元增长8.1%。',
      '全镇3.2万人，人均可支配收入增长6.5%，高于全县平均水平。',
      '全村320户，户均增收2,000元，较上年的15万元明显提高。',
      '发放补贴120万元，惠及农户600户，户均最高补贴5000元。',
    ]) {
      expect(await mismatches(text), text).toEqual([]);
    }
  });

  it('extracts the claim with its three figures and the average as its reported span', async () => {
    const text = '兑现光伏收益分配资金48万元，受益脱贫户160户，户均3000元。';
    const m = await model(text);
    const claims = m.claims.claims.filter((c) => c.kind === 'average');
    expect(claims).toHaveLength(1);
    expect(claims[0].values).toMatchObject({ average: 3000, total: 480000, count: 160, computed: 3000 });
    expect(text.slice(claims[0].spans!.average.start, claims[0].spans!.average.end)).toBe('3000元');
  });
});
