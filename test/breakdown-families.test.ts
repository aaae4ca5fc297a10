import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

const rule = 'breakdown-exceeds-total';
const reported = async (text: string) => (await lintString(text, { rule })).length;

describe('breakdown-exceeds-total: where the parts of a list start and end', () => {
  it('stops a 其中 list where a count is taken within an earlier part (……的纠纷中涉及土地的43件)', async () => {
    expect(await reported('受理矛盾纠纷186件，其中调解成功179件，调解成功率96.2%，调解成功的纠纷中涉及土地的43件。')).toBe(0);
    expect(await reported('受理矛盾纠纷186件，其中土地纠纷97件、婚姻家庭纠纷95件，调解成功的纠纷中涉及土地的43件。')).toBe(1);
  });

  it('says nothing of a 合计 whose parts may start before the two clauses it reads', async () => {
    expect(await reported('全年新增城镇就业586人，失业人员再就业213人，就业困难人员就业48人，合计完成847人。')).toBe(0);
    // More parts than it says, or fewer: which ones are meant is not known.
    expect(await reported('发放补贴甲312万元、补贴乙186万元、补贴丙40万元，两项合计发放508万元。')).toBe(0);
  });
});

/** Each family: parts that fit their total, and the same with a slip. */
describe('breakdown-exceeds-total: phrasings of a breakdown', () => {
  it.each([
    ['parts in brackets after the total', '开展技能培训2,400人次（男1,100人次、女1,300人次）。', '开展技能培训2,400人次（男1,100人次、女1,350人次）。'],
    ['seven parts in brackets', '持证残疾人1,000人（视力120人、听力130人、言语20人、肢体500人、智力80人、精神90人、多重60人）。', '持证残疾人1,000人（视力120人、听力130人、言语20人、肢体500人、智力80人、精神90人、多重80人）。'],
    ['其中 after a total that is not the nearest quantity', '纳入监测对象64户250人，其中脱贫不稳定户30户、边缘户22户、困难户12户。', '纳入监测对象64户250人，其中脱贫不稳定户30户、边缘户22户、困难户15户。'],
    ['其中 after a rate', '完成水利投资5.20亿元，比上年增长14.2%，其中中央资金3.00亿元、地方配套1.20亿元、社会融资1.00亿元。', '完成水利投资5.20亿元，比上年增长14.2%，其中中央资金3.00亿元、地方配套1.20亿元、社会融资1.10亿元。'],
    ['其中 after a second total of another unit', '共实施项目12个，总投资50亿元，其中产业项目7个、基础设施项目5个。', '共实施项目12个，总投资50亿元，其中产业项目7个、基础设施项目6个。'],
    ['其中 after a task the total is measured against', '完成造林2.10万亩，为任务2.00万亩的105%，其中人工造林0.80万亩、封山育林1.10万亩、抚育2,000亩。', '完成造林2.10万亩，为任务2.00万亩的105%，其中人工造林0.80万亩、封山育林1.10万亩、抚育4,000亩。'],
    ['包括', '发放消费券800万元，包括餐饮券300万元、家电券300万元、汽车券200万元。', '发放消费券800万元，包括餐饮券300万元、家电券350万元、汽车券200万元。'],
    ['parts over several clauses, a sub-kind inside', '全镇共有市场主体5,000户，其中企业1,500户，“专精特新”企业20户、高新技术企业35户，个体工商户3,500户。', '全镇共有市场主体5,000户，其中企业1,500户，“专精特新”企业20户、高新技术企业35户，个体工商户3,600户。'],
    ['Chinese-numeral labels before the parts', '共建成服务站15个，其中一类站6个、二类站5个、三类站4个。', '共建成服务站15个，其中一类站6个、二类站7个、三类站4个。'],
    ['size bands are disjoint', '引进项目18个，其中亿元以上项目3个、5000万元至1亿元项目6个、5000万元以下项目9个。', '引进项目18个，其中亿元以上项目5个、5000万元至1亿元项目6个、5000万元以下项目9个。'],
    ['分别为', '共培训150人，分别为种植类90人、养殖类60人。', '共培训150人，分别为种植类90人、养殖类50人。'],
    ['含 opening the clause after the total', '共开展技能培训1,240人次，含农业技术培训680人次、电商培训560人次。', '共开展技能培训1,200人次，含农业技术培训680人次、电商培训560人次。'],
    ['主要为', '全镇耕地面积4.2万亩，主要为水田2.2万亩、旱地1.6万亩、园地0.3万亩。', '全镇耕地面积3.6万亩，主要为水田2.2万亩、旱地1.6万亩、园地0.3万亩。'],
    ['共 opening the clause after the parts', '全镇共有小学8所、初中3所、高中1所，共12所学校。', '全镇共有小学8所、初中3所、高中1所，共13所学校。'],
    ['共 and a verb after the parts', '发放耕地地力补贴312万元、农机购置补贴186万元，共发放资金498万元。', '发放耕地地力补贴312万元、农机购置补贴186万元，共发放资金468万元。'],
    ['the unit written once, after the last part (分别为1.45、2.3亿元)', '完成工业投资3.75亿元，其中技改、新建项目分别为1.45、2.3亿元。', '完成工业投资3.75亿元，其中技改、新建项目分别为1.65、2.3亿元。'],
    ['the unit written once, parts joined by 和', '全村共有党员86名，其中男、女党员分别为61和25名。', '全村共有党员86名，其中男、女党员分别为61和29名。'],
    ['a three-sector ratio written with ︰ (U+FE30), as some reports type it', '三次产业比调整为11.8︰48.3︰39.9。', '三次产业比调整为11.8︰48.3︰38.9。'],
    ['three-sector shares with % written once', '三次产业占比分别为12.4、51.3和36.3%。', '三次产业占比分别为12.4、51.3和38.3%。'],
    ['三项合计: as many parts as it says, over more than two clauses', '全年新增城镇就业586人，失业人员再就业213人，就业困难人员就业48人，三项合计完成847人。', '全年新增城镇就业586人，失业人员再就业213人，就业困难人员就业48人，三项合计完成857人。'],
    ['合计 after the parts, with a verb between', '两项补贴分别为300万元、420万元，合计发放720万元。', '两项补贴分别为300万元、420万元，合计发放620万元。'],
    ['a total that names its parts is complete', '甲项和乙项资金合计5.2亿元，其中甲项资金16,000万元、乙项资金3.6亿元。', '甲项和乙项资金合计5.6亿元，其中甲项资金16,000万元、乙项资金3.6亿元。'],
    ['units change (万亩 and 亩)', '种植面积3.6万亩，其中水稻21,400亩、玉米14,600亩。', '种植面积3.6万亩，其中水稻21,400亩、玉米16,600亩。'],
    ['Chinese-numeral parts', '五个村，其中三个村已完成改造，两个村正在施工。', '五个村，其中四个村已完成改造，两个村正在施工。'],
    ['其中 opening the next sentence', '全乡现有五保户390人。其中分散供养340人，集中供养50人。', '全乡现有五保户390人。其中分散供养340人，集中供养60人。'],
    ['其中： opening the next sentence, two units', '贫困人口281户、1,078人。其中：甲村61户、247人，乙村81户、299人，丙村83户、302人，丁村5户、14人，戊村51户、216人。', '贫困人口281户、1,078人。其中：甲村61户、247人，乙村91户、299人，丙村83户、302人，丁村5户、14人，戊村51户、216人。'],
    ['其中 after a sentence ending on the nearest total', '全年共受理案件120件，办结115件。其中调解结案60件、判决结案50件。', '全年共受理案件120件，办结115件。其中调解结案70件、判决结案50件。'],
    ['a net change split by kind adds up', '全年净增市场主体1,025户，其中企业312户、个体工商户713户。', '全年净增市场主体1,025户，其中企业312户、个体工商户813户。'],
    ['三次产业 shares add up to 100%', '三次产业结构中，第一产业占10.2%、第二产业占50.3%、第三产业占39.5%。', '三次产业结构中，第一产业占10.2%、第二产业占50.3%、第三产业占41.5%。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it.each([
    ['overlapping subsets: one total classified along several dimensions', '全镇党员820名，其中女党员210名、35岁以下180名、大专以上学历500名。'],
    ['overlapping land designations', '全乡耕地面积1.8万亩，其中永久基本农田1.5万亩，高标准农田0.9万亩。'],
    ['nested thresholds', '新引进企业20家，其中1000万元以上企业14家、5000万元以上企业7家、亿元以上企业3家。'],
    ['a funnel', '排查矛盾纠纷230件，其中调解210件，调解成功185件。'],
    ['自然村 are not parts of 行政村', '全镇辖12个行政村，其中自然村86个。'],
    ['last year’s figure beside the parts', '受理案件120件（上年98件、本年新收70件）。'],
    ['公共 is no 共: the figure after it is no sum of the parts before', '新建文化广场3个、健身点4个，开发公共服务岗位259个。'],
    ['含 inside a word (含量) opens no list', '抽检茶叶样品86批次，含量超标的2批次、标签不规范的3批次。'],
    ['overlapping subsets in the next sentence', '全镇共有党员820名。其中女党员610名、35岁以下480名。'],
    ['a total two paragraphs back is no total', '全乡现有五保户390人。\n其中分散供养340人，集中供养60人。'],
    ['a net change and the flows in (新培育, 升规) that it nets', '全年净增规上企业7家，其中新培育5家、升规4家。'],
    ['last year’s figure in the 其中 list', '办结案件120件，其中本年新收80件，上年结转案件30件，上年同期办结110件。'],
  ])('stays silent: %s', async (_trap, text) => {
    expect(await reported(text), text).toBe(0);
  });

  it('still reports a single part larger than an overlapping total', async () => {
    const [f] = await lintString('全镇党员820名，其中女党员900名、35岁以下180名、大专以上学历500名。', { rule });
    expect(f.message).toBe('分项900名超过总数820名');
  });

  it('names the sum and the parts it counted', async () => {
    const [f] = await lintString('全镇共有市场主体5,000户，其中企业1,500户，“专精特新”企业20户、高新技术企业35户，个体工商户3,600户。', { rule });
    expect(f.message).toBe('分项之和5100户（1,500户 + 3,600户）超过总数5,000户');
  });
});

describe('breakdown-exceeds-total: counts in two units (户 and 人)', () => {
  // Each unit is summed on its own: households with households, people with people, never across.
  it.each([
    ['人 wrong, units side by side', '全乡脱贫户486户1,932人，其中一般户301户1,204人、低保户142户540人、特困户43户188人。', '全乡脱贫户486户1,932人，其中一般户301户1,204人、低保户142户600人、特困户43户188人。'],
    ['户 wrong, units side by side', '全乡脱贫户486户1,932人，其中一般户301户1,204人、低保户142户540人、特困户43户188人。', '全乡脱贫户486户1,932人，其中一般户301户1,204人、低保户152户540人、特困户43户188人。'],
    ['人 wrong, units apart (户、人)', '全乡脱贫户486户、1,932人，其中一般户301户、1,204人，低保户142户、540人，特困户43户、188人。', '全乡脱贫户486户、1,932人，其中一般户301户、1,204人，低保户142户、600人，特困户43户、188人。'],
    ['户 wrong in brackets', '困难群众312户748人（低保对象206户512人，特困人员58户72人，临时救助48户164人）。', '困难群众312户748人（低保对象216户512人，特困人员58户72人，临时救助48户164人）。'],
    ['人 wrong in brackets, units apart', '困难群众312户、748人（低保对象206户、512人，特困人员58户、72人，临时救助48户、164人）。', '困难群众312户、748人（低保对象206户、512人，特困人员58户、72人，临时救助48户、194人）。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it('names the unit that does not add up', async () => {
    const [f] = await lintString('全乡脱贫户486户1,932人，其中一般户301户1,204人、低保户152户540人、特困户43户188人。', { rule });
    expect(f.message).toBe('分项之和496户（301户 + 152户 + 43户）超过总数486户');
  });

  it('leaves out of the sum a part that is counted in two others (双重身份, 同时享受)', async () => {
    const right = '低保对象、特困人员共590户1,710人（其中低保对象468户1,552人，特困人员122户158人，双重身份人员96户301人）。';
    expect(await reported(right), right).toBe(0);
    const wrong = '低保对象、特困人员共590户1,710人（其中低保对象478户1,552人，特困人员122户158人，双重身份人员96户301人）。';
    const found = await lintString(wrong, { rule });
    expect(found.map((f) => f.message)).toEqual(['分项之和600户（478户 + 122户）超过总数590户']);
  });

  it('reads parts given in one unit against the total in two', async () => {
    expect(await reported('全镇困难群众312户748人，其中低保对象206户、特困人员58户、临时救助48户。')).toBe(0);
    expect(await reported('全镇困难群众312户748人，其中低保对象206户、特困人员58户、临时救助68户。')).toBe(1);
  });
});

describe('breakdown-exceeds-total: the three sectors as shares of one whole', () => {
  it.each([
    ['a structure written as a ratio', '三次产业结构调整为8.5∶42.3∶49.2。', '三次产业结构调整为8.5∶42.3∶48.2。'],
    ['a structure before and after', '三次产业结构由10.2:45.1:44.7调整为8.5:42.3:49.2。', '三次产业结构由10.2:45.1:44.7调整为8.5:42.3:50.2。'],
    ['shares given as one series', '三次产业占比分别为12.4%、51.3%和36.3%。', '三次产业占比分别为12.4%、51.3%和38.3%。'],
  ])('%s', async (_family, right, wrong) => {
    expect(await reported(right), right).toBe(0);
    expect(await reported(wrong), wrong).toBe(1);
  });

  it('reads the value added of each sector as a part of GDP', async () => {
    for (const [right, wrong] of [
      ['全镇实现地区生产总值40.5亿元，其中第一产业增加值12.1亿元、第二产业增加值18.6亿元、第三产业增加值9.8亿元。', '全镇实现地区生产总值40.1亿元，其中第一产业增加值12.1亿元、第二产业增加值18.6亿元、第三产业增加值9.8亿元。'],
      ['全镇实现地区生产总值40.5亿元，三次产业增加值分别为12.1亿元、18.6亿元和9.8亿元。', '全镇实现地区生产总值40.1亿元，三次产业增加值分别为12.1亿元、18.6亿元和9.8亿元。'],
    ]) {
      expect(await reported(right), right).toBe(0);
      expect(await reported(wrong), wrong).toBe(1);
    }
  });

  it('counts a last part joined by 和 as a part', async () => {
    const [f] = await lintString('全镇实现总产值40.1亿元，三个园区产值分别为12.1亿元、18.6亿元和9.8亿元。', { rule });
    expect(f.message).toContain('12.1亿元 + 18.6亿元 + 9.8亿元');
  });

  it('leaves a ratio in other terms and rounding within the last digits', async () => {
    for (const text of ['三次产业比例为1∶4.5∶4.5。', '三次产业结构为12.4:51.3:36.4。', '三次产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53。']) expect(await reported(text), text).toBe(0);
  });
});
