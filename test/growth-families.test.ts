import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { builtinRules, lintString } from './helpers/lint.js';

const rule = 'growth-rate-mismatch';
const reported = async (text: string) => (await lintString(text, { rule })).length;

/** Each family: a sentence whose rate follows from its values, and the same with a slip. */
describe('growth-rate-mismatch: phrasings of growth', () => {
  it.each([
    ['由A增至B，增长r%', '农机合作社由40家增至46家，增长15%。', '农机合作社由40家增至46家，增长18%。'],
    ['增长比例达', '电商销售额由800万元增至1000万元，增长比例达25%。', '电商销售额由800万元增至1000万元，增长比例达20%。'],
    ['增幅', '游客量从50,000人次增加到60,000人次，增幅为20%。', '游客量从50,000人次增加到60,000人次，增幅为16.7%。'],
    ['比增 with the earlier value in brackets before it', '实现营业收入6.30亿元（上年5.60亿元），比增12.5%。', '实现营业收入6.30亿元（上年5.60亿元），比增11.1%。'],
    ['the earlier value in brackets after the rate', '完成工业投资2.46亿元，同比增长20%（上年同期2.05亿元）。', '完成工业投资2.46亿元，同比增长16.7%（上年同期2.05亿元）。'],
    ['a difference after the earlier value: 比上年的A增加C', '调处纠纷数比上年的48件增加12件，增长25%。', '调处纠纷数比上年的48件增加12件，增长20%。'],
    ['较上年增加C: the base is B−C', '税收收入1150万元，较上年增加150万元，增长15%。', '税收收入1150万元，较上年增加150万元，增长13%。'],
    ['比上年增收C: the base is B−C', '税收收入2860万元，比上年增收260万元，增长10%。', '税收收入2860万元，比上年增收260万元，增长9.1%。'],
    ['达B，增加C with no 比上年: the base is B−C', '农民人均可支配收入达16800元，增加1300元，增长8.4%。', '农民人均可支配收入达16800元，增加1300元，增长9.4%。'],
    ['B，减少C with no 比上年: the base is B+C', '生猪存栏18000头，减少2000头，下降10%。', '生猪存栏18000头，减少2000头，下降12%。'],
    ['比上年减产C: the base is B+C', '粮食总产52360吨，比上年减产4120吨，下降7.3%。', '粮食总产52360吨，比上年减产4120吨，下降8.5%。'],
    ['与上年的A相比', '生猪出栏3.26万头，与上年的2.90万头相比增长12.4%。', '生猪出栏3.26万头，与上年的2.90万头相比增长11.1%。'],
    ['减少C、下降r with the earlier value in brackets', '发生火灾比上年减少3起、下降20%（上年15起）。', '发生火灾比上年减少3起、下降25%（上年15起）。'],
    ['压缩', '会议数量由120个压缩到90个，压缩25%。', '会议数量由120个压缩到90个，压缩30%。'],
    ['是上年的N倍', '接诊4,200人次，是上年同期1,400人次的3倍。', '接诊4,200人次，是上年同期1,400人次的4倍。'],
    ['增长N倍 is ×(N+1)', '订单由300件增加到900件，增长2倍。', '订单由300件增加到900件，增长3倍。'],
    ['翻一番', '果业产值由2019年的1.6亿元增至2023年的3.3亿元，实现翻番。', '果业产值由2019年的2.1亿元增至2023年的3.0亿元，实现翻番。'],
    ['翻两番', '产值由2亿元增至8亿元，翻了两番。', '产值由2亿元增至4亿元，翻了两番。'],
    ['年均增长 over named years, and the cumulative rate written as annual', '村集体收入由2018年的36万元增加到2023年的58万元，年均增长10.0%。', '村集体收入由2018年的36万元增加到2023年的58万元，年均增长61.1%。'],
    ['年均下降 over named years', '能耗由2020年的1.00吨增至2022年的0.81吨，年均下降10%。'.replace('增至', '降至'), '能耗由2020年的1.00吨降至2022年的0.81吨，年均下降19%。'],
    ['年均增长 over a period the sentence opens with (2019—2023年), counted as four years', '2019—2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长10.7%。', '2019—2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长12.5%。'],
    ['年均增长 over 2019年至2023年, counted as five years', '2019年至2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长8.4%。', '2019年至2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长6.4%。'],
    ['年均增长 over 五年来', '五年来，一般公共预算收入由8,120万元增加到11,860万元，年均增长7.9%。', '五年来，一般公共预算收入由8,120万元增加到11,860万元，年均增长12.9%。'],
    ['年均增长 over “十三五”期间', '“十三五”期间，农村居民人均可支配收入由9,860元增加到14,320元，年均增长7.7%。', '“十三五”期间，农村居民人均可支配收入由9,860元增加到14,320元，年均增长5.8%。'],
    ['年均增长 over 近三年', '近三年，村集体经济收入由236万元增加到318万元，年均增长10.5%。', '近三年，村集体经济收入由236万元增加到318万元，年均增长34.7%。'],
    ['分别由……增加到……，分别增长……', '甲、乙两项分别由12.5亿元、30.2亿元增加到14.1亿元、33.0亿元，分别增长12.8%和9.3%。', '甲、乙两项分别由12.5亿元、30.2亿元增加到14.1亿元、33.0亿元，分别增长12.8%和10.3%。'],
    ['pairs whose unit is written once, after the last of each list', '甲、乙两项分别由12.5、30.2亿元增加到14.1、33.0亿元，分别增长12.8和9.3%。', '甲、乙两项分别由12.5、30.2亿元增加到14.1、33.0亿元，分别增长14.8和9.3%。'],
    ['同比分别减少', '两类案件分别由50起、40起减少到45起、30起，同比分别减少10%、25%。', '两类案件分别由50起、40起减少到45起、30起，同比分别减少10%、20%。'],
    ['个百分点 between two percentages', '满意度由88.5%提高到91.0%，提高2.5个百分点。', '满意度由88.5%提高到91.0%，提高2.8个百分点。'],
    ['比上年的A, a comma, then the rate', '实现旅游收入5.72亿元，比上年的4.40亿元，增长30%。', '实现旅游收入5.72亿元，比上年的4.40亿元，增长23%。'],
    ['比某年的A, a comma, then the rate', '完成出口交货值9.18亿元，比2023年的7.65亿元，增长20%。', '完成出口交货值9.18亿元，比2023年的7.65亿元，增长16.7%。'],
    ['last year\'s figure in a clause after the rate', '规上工业产值完成27.3亿元，同比增长5%，去年同期为26.0亿元。', '规上工业产值完成27.3亿元，同比增长9.5%，去年同期为26.0亿元。'],
    ['last year\'s figure in a clause before the rate', '上缴税金1,872万元，上年为1,440万元，增长30%。', '上缴税金1,872万元，上年为1,440万元，增长23%。'],
    ['较上年增加 C with a space scraped before C', '网点达到1,350个，比上年增加 450个，增长50%。', '网点达到1,350个，比上年增加 450个，增长33.3%。'],
    ['B1、B2，比上年末分别增加C1、C2，分别增长r1、r2: each base is Bi−Ci', '存款、贷款余额分别为86.2亿元、54.3亿元，比上年末分别增加8.2亿元、4.3亿元，分别增长10.5%、8.6%。', '存款、贷款余额分别为86.2亿元、54.3亿元，比上年末分别增加8.2亿元、4.3亿元，分别增长12.5%、8.6%。'],
    ['分别比上年减少C1、C2，同比分别下降r1、r2: each base is Bi+Ci', '刑事、治安案件分别为42起和126起，分别比上年减少18起、24起，同比分别下降30%、16%。', '刑事、治安案件分别为42起和126起，分别比上年减少18起、24起，同比分别下降30%、19%。'],
    ['是Y年的N倍, then 年均增长r% up to the sentence\'s year', '2024年全县财政收入8.1亿元，是2019年的1.9倍，年均增长13.7%。', '2024年全县财政收入8.1亿元，是2019年的1.9倍，年均增长18%。'],
    ['比Y年增长N倍 (×(N+1)), at comparable prices, then 年均增长r%', '2023年实现地区生产总值52亿元，按可比价格计算，比2018年增长1.2倍，年均增长17.1%。', '2023年实现地区生产总值52亿元，按可比价格计算，比2018年增长1.2倍，年均增长24%。'],
    ['比Y年增长r%, then 年均增长r%', '2024年村集体经济总收入比2020年增长46%，年均增长9.9%。', '2024年村集体经济总收入比2020年增长46%，年均增长11.5%。'],
    ['增长率达到了', '上缴税金1,872万元，上年为1,440万元，增长率达到了30%。', '上缴税金1,872万元，上年为1,440万元，增长率达到了23%。'],
    ['增长r%，增收C after the rate: the base is B−C', '全镇完成税收收入2,480万元，同比增长9.6%，增收217万元。', '全镇完成税收收入2,480万元，同比增长11.6%，增收217万元。'],
    ['下降r%，减收C after the rate: the base is B+C', '非税收入完成936万元，同比下降14.2%，减收155万元。', '非税收入完成936万元，同比下降16.6%，减收155万元。'],
    ['a completion clause between the value and 较上年增收C', '全街道完成财政收入8,640万元，占年初预算的52.4%，较上年同期增收712万元，同比增长9.0%。', '全街道完成财政收入8,640万元，占年初预算的52.4%，较上年同期增收712万元，同比增长8.2%。'],
    ['a completion without 的 (占调整预算N%) between the value and the rate', '地方一般公共预算收入完成14,260万元，占调整预算102.3%，同比增长8.5%，增收1,117万元。', '地方一般公共预算收入完成14,260万元，占调整预算102.3%，同比增长10.5%，增收1,117万元。'],
    ['a completion clause with its plan between the value and the rate, the difference after', '一般公共预算收入累计完成18,350万元，完成年初预算数30,600万元的60.0%，同比增长7.4%，增收1,265万元。', '一般公共预算收入累计完成18,350万元，完成年初预算数30,600万元的60.0%，同比增长6.9%，增收1,265万元。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it('says which pair of a 分别 statement is wrong', async () => {
    const [f] = await lintString('甲、乙两项分别由12.5亿元、30.2亿元增加到14.1亿元、33.0亿元，分别增长12.8%和10.3%。', { rule });
    expect(f.message).toBe('增长幅度“10.3%”与数值不符：由30.2亿元到33.0亿元，计算结果为9.27%');
  });

  it('reads no period from a year (2022年以来) or a longer count (二十年来)', async () => {
    for (const text of [
      '2022年以来，全镇财政收入由1.20亿元增加到1.80亿元，年均增长12.5%。',
      '二十年来，全镇财政收入由1.20亿元增加到1.80亿元，年均增长12.5%。',
    ]) expect(await reported(text), text).toBe(0);
  });

  it('gives both counts of years when the sentence names a period, not the values\' years', async () => {
    const [f] = await lintString('2019—2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长12.5%。', { rule });
    expect(f.message).toContain('年均8.45%（5年）或10.67%（4年）');
  });

  it('words the computed rate in English in an English message', async () => {
    const rules = (await builtinRules()).filter((r) => r.definition.id === rule);
    const en = async (text: string) => (await lintText(text, 'text', { rules, locale: 'en' })).findings[0].message;
    expect(await en('2019—2023年，全镇财政收入由1.20亿元增加到1.80亿元，年均增长12.5%。')).toContain('gives 8.45% a year over 5 years or 10.67% over 4');
    expect(await en('满意度由88.5%提高到91.0%，提高2.8个百分点。')).toContain('gives 2.5 percentage points');
  });

  it('names the years of an annual average', async () => {
    const [f] = await lintString('村集体收入由2018年的36万元增加到2023年的58万元，年均增长61.1%。', { rule });
    expect(f.message).toContain('年均10.01%（5年）');
  });

  it('allows GDP and value added, grown at comparable prices, a price change against nominal values', async () => {
    // Growth of GDP and value added is stated at comparable prices by convention, said or not.
    for (const text of [
      '全县地区生产总值由100亿元增至110亿元，增长6.5%。',
      '规上工业增加值由上年的20亿元增至23亿元，增长8.1%。',
      '全镇完成地区生产总值28.6亿元，较上年增加2.1亿元，同比增长6.2%。',
      'GDP由上年的118亿元降至110亿元，下降3%。',
    ]) expect(await reported(text), text).toBe(0);
    // Beyond what prices explain, or the cumulative rate written as annual, is still a slip.
    for (const text of [
      '全县地区生产总值由100亿元增至110亿元，增长16.5%。',
      '第三产业增加值由2019年的8.1亿元增加到2024年的12.6亿元，年均增长55.6%。',
    ]) expect(await reported(text), text).toBe(1);
    // A nominal indicator beside it gets no such allowance.
    expect(await reported('规上工业总产值由20亿元增至23亿元，增长8.1%。')).toBe(1);
    const [f] = await lintString('全县地区生产总值由100亿元增至110亿元，增长16.5%。', { rule });
    expect(f.message).toContain('按可比价计算');
  });

  it('stays silent where the rate cannot be compared with the values', async () => {
    for (const text of [
      // Real growth at comparable prices against nominal values.
      '地区生产总值由30亿元增至33亿元，按可比价计算增长6.5%。',
      '营业收入9.2亿元（上年8.5亿元），实际增长4.1%。',
      // An annual average without the years it spans.
      '农民收入从1.2万元增加到1.6万元，年均增长7.5%。',
      // 翻番 hedged, or near enough to a round doubling.
      '产值由1.5亿元增至2.6亿元，接近翻番。',
      '产值由1.5亿元增至2.9亿元，实现翻番。',
      // A difference in points is not a growth rate of the percentages.
      '覆盖率由60%提高到66%，提高6个百分点。',
      // Grey zone: 20.5% rounds either way within the values' own rounding.
      '产量由1.2万吨增至1.45万吨，增长20.5%。',
      // The rate of something else after the values.
      '成交额从1,795万元增加到2,260万元，入驻企业增长30%。',
      // 同 of 合同 is no comparison: the amount before it is not last year's.
      '投入12亿元开展攻关，技术合同成交额突破300亿元、增长15.1%。',
      // Last year's figure, then the rate of a part of it.
      '上缴税金1,872万元，上年为1,440万元，其中个税增长12%。',
      // Last year's figure not closing its clause, and last year's rate after this year's.
      '规上工业产值完成27.3亿元，同比增长9.5%，去年同期为26.0亿元的基础上稳中有进。',
      '规上工业产值完成27.3亿元，同比增长9.5%，去年同期为增长3.2%。',
      // The year named opens a period (以来): the end year is not said.
      '2021年以来，全县财政收入是2019年的1.9倍，年均增长18%。',
      // A difference stated with a comma before the rate.
      '粮食总产52360吨，比上年减产4120吨，下降7.3%。',
      // Lists that do not run in step: no 分别 ties the differences to the values.
      '存款、贷款余额86.2亿元、54.3亿元，比上年末增加8.2亿元、4.3亿元，增长12.5%、8.6%。',
      // What follows the rate is another indicator's increase, or value added (增加值), not this value's difference.
      '全镇完成税收收入2,480万元，同比增长15.6%，增加就业岗位217个。',
      '规上工业产值完成8.6亿元，同比增长15.6%，增加值2.1亿元。',
      // The rate of a part after the value: the difference is the part's, not the value's.
      '全镇完成税收收入2,480万元，其中增值税增长15.6%，增收117万元。',
      // A list of rates one longer than the values: which belongs to which is unknown.
      '存款、贷款余额分别为86.2亿元、54.3亿元，比上年末分别增加8.2亿元、4.3亿元，分别增长12.5%、8.6%、3.1%。',
    ]) expect(await reported(text), text).toBe(0);
  });
});
