import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

async function findings(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'breakdown-exceeds-total' })).map((f) => f.message);
}

describe('breakdown-exceeds-total: shares listed after 其中 add up to no more than 100%', () => {
  it.each([
    ['全镇共有企业120家，其中工业企业占45%，商贸企业占38%，服务业企业占25%。', '分项之和108%（45% + 38% + 25%）超过总数100%'],
    ['全年受理群众诉求2350件，其中城建类占42.1%、民生类占36.5%、其他类占28.3%。', '分项之和106.9%'],
    ['全镇常住人口3.2万人，其中城镇人口占52.3%，农村人口占49.7%。', '分项之和102%'],
    ['全年实现财政收入1.2亿元，其中税收收入所占比重为82.5%，非税收入占27.5%。', '分项之和110%'],
  ])('%s', async (text, says) => {
    const found = await findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });

  it.each([
    // Adding up to 100% or less.
    '全镇常住人口3.2万人，其中城镇人口占47.3%，农村人口占52.7%。',
    '全镇共有企业120家，其中工业企业占45%，商贸企业占30%。',
    // Parts along several dimensions overlap.
    '全镇党员820名，其中女党员占25.6%，35岁以下占31.2%，大专以上学历占52.4%，60岁以上占40%。',
    // Another percentage among the shares: a growth, a comparison.
    '全年受理诉求2350件，其中城建类占62.1%，比上年提高3.2%，民生类占56.5%。',
    '全镇共有企业120家，其中工业企业占65%，增长42%。',
    // Shares of another base, each with its count: the counts are compared instead.
    '全镇共有企业120家，其中工业企业54家，占45%，商贸企业36家，占30%。',
  ])('stays clean: %s', async (text) => {
    expect(await findings(text)).toEqual([]);
  });
});
