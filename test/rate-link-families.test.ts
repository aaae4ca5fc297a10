import { describe, expect, it } from 'vitest';
import { families, messagesOf } from './helpers/families.js';

/** The rate-mismatch messages of a text. */
const mismatches = (text: string) => messagesOf('rate-mismatch', text);

describe('rate-mismatch: X完成率 and X到位率 name their action before 完成 or 到位', () => {
  families('rate-mismatch', [
    {
      wrong: '累计摸排农村危旧房屋1260栋，已整治1100栋，整治完成率95%。',
      says: '1100栋÷1260栋=87.3%',
      right: [
        '累计摸排农村危旧房屋1260栋，已整治1100栋，整治完成率87.3%。',
        // Another action's completion: the count after it is not its part.
        '累计摸排农村危旧房屋1260栋，鉴定完成率95%，已整治1100栋。',
      ],
    },
    {
      wrong: '全年排查各类安全隐患156处，整改150处，整改到位率98.7%。',
      says: '150处÷156处=96.15%',
      right: ['全年排查各类安全隐患156处，整改150处，整改到位率96.2%。'],
    },
  ]);
});

describe('rate-mismatch: the intake before the rate, the part it counts after it', () => {
  families('rate-mismatch', [
    {
      wrong: '受理各类行政复议案件120件，办结率98%，办结114件。',
      says: '114件÷120件=95%',
      right: [
        '受理各类行政复议案件120件，办结率95%，办结114件。',
        // A part of the part (其中按期办结) is not what the rate counts.
        '受理各类行政复议案件120件，办结率98%，其中按期办结114件。',
        // Two counts before the rate: which is the whole is not said.
        '受理各类行政复议案件120件，同比增加10件，办结率98%，办结114件。',
        // The count after names another action than the rate's.
        '受理群众诉求2350件，满意率97%，回访2200件。',
      ],
    },
    {
      wrong: '抽检农产品样品240批次，合格率99.5%，检出不合格3批次。',
      says: '（240批 − 3批）÷240批=98.75%',
      right: ['抽检农产品样品240批次，合格率98.75%，检出不合格3批次。'],
    },
  ]);
});

describe('rate-mismatch: a 其中 part after a rate, counted in what that rate counted or in its whole', () => {
  families('rate-mismatch', [
    {
      wrong: '共受理群众投诉126件，办结126件，办结率100%，其中按期办结118件，按期办结率98.4%。',
      says: '118件÷126件=93.65%',
      right: [
        '共受理群众投诉126件，办结126件，办结率100%，其中按期办结118件，按期办结率93.7%。',
        // Read against what was 办结 (118÷120) or against all received (118÷126): either fits.
        '共受理群众投诉126件，办结120件，办结率95.2%，其中按期办结118件，按期办结率98.3%。',
        '共受理群众投诉126件，办结120件，办结率95.2%，其中按期办结118件，按期办结率93.7%。',
        // What the rate does not count, after 其中: not read here.
        '共受理群众投诉126件，办结120件，办结率95.2%，其中未按期办结8件，按期办结率93.3%。',
      ],
    },
    {
      wrong: '排查矛盾纠纷86起，化解82起，化解率95.3%，其中调解成功75起，调解成功率97.5%。',
      says: '75起÷82起=91.46%',
      right: ['排查矛盾纠纷86起，化解82起，化解率95.3%，其中调解成功75起，调解成功率91.5%。', '排查矛盾纠纷86起，化解82起，化解率95.3%，其中调解成功75起，调解成功率87.2%。'],
    },
  ]);
});

describe('growth-rate-mismatch: a value as a percentage of last year, and its rate', () => {
  const growth = (text: string) => messagesOf('growth-rate-mismatch', text);
  it.each([
    ['上半年完成固定资产投资2.3亿元，为上年同期的115%，增长25%。', '“为上年同期的115%”即增长15%，与“增长25%”不符'],
    ['上半年完成固定资产投资2.3亿元，同比增长25%，为上年同期的115%。', '即增长15%'],
    ['实现税收1860万元，为去年同期的92.6%，下降5.4%。', '“为去年同期的92.6%”即下降7.4%，与“下降5.4%”不符'],
    ['实现税收1860万元，为上年的92.6%，同比增长7.4%。', '即下降7.4%'],
  ])('%s', async (text, says) => {
    const found = await growth(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });
  it.each([
    '上半年完成固定资产投资2.3亿元，为上年同期的115%，增长15%。',
    '实现税收1860万元，为去年同期的92.6%，下降7.4%。',
    '实现税收1860万元，为上年同期的92.55%，下降7.4%。',
    // A plan's percentage is a completion, not last year's.
    '完成投资2.3亿元，为年度计划的115%，增长25%。',
    // The growth of something else after 其中.
    '完成投资2.3亿元，为上年同期的115%，其中工业投资增长25%。',
  ])('stays clean: %s', async (text) => {
    expect(await growth(text)).toEqual([]);
  });
});
