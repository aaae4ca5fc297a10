import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

/** The misspelling findings of a text, as "wrong→right". */
async function slips(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'misspelling' })).map((f) => `${text.slice(f.start, f.end)}→${f.fix?.text ?? ''}`);
}

describe('misspelling: sound-alike slips of township drafts, keyed on their context', () => {
  it.each([
    ['既使是节假日也坚持在岗值守。', '既使→即使'],
    ['既使在汛期最紧张的时候，也没有一处漏报。', '既使→即使'],
    ['启动集镇总体规化修编。', '规化→规划'],
    ['坚持规化引领，完善基础设施。', '规化→规划'],
    ['完成村史馆修善工程。', '修善→修缮'],
    ['全面推进乡村振新。', '振新→振兴'],
    ['认真落实上级决策部暑。', '部暑→部署'],
    ['札实推进各项重点工作。', '札实→扎实'],
    ['认真贯撤落实会议精神。', '贯撤→贯彻'],
    ['充分发辉党员先锋模范作用。', '发辉→发挥'],
    ['坚持稳中求近工作总基调。', '求近→求进'],
    ['全年开展明查暗访12次。', '明查暗访→明察暗访'],
  ])('%s', async (text, expected) => {
    expect(await slips(text)).toEqual([expected]);
  });

  it.each([
    // 既…又…: 既 and 使 are two words.
    '既使群众得实惠，又使集体经济壮大。',
    '既使产业兴旺，也使村庄美丽。',
    // 正规化, 常规化, 法规化, 规范化: 规 and 化 of other words.
    '加强民兵队伍正规化建设。',
    '推进安全巡查常规化、制度化。',
    '推动村规民约法规化。',
    // 维修善后, 全部暑期: a word boundary inside the pair.
    '做好设备维修善后工作。',
    '全部暑期托管班均已开班。',
    // The right words.
    '即使是节假日也坚持在岗值守，认真落实上级决策部署，扎实推进乡村振兴。',
  ])('stays clean: %s', async (text) => {
    expect(await slips(text)).toEqual([]);
  });
});

describe('no-placeholder: slots in curly or angle brackets, and solid squares', () => {
  async function placeholders(text: string): Promise<string[]> {
    return (await lintString(text, { rule: 'no-placeholder' })).map((f) => text.slice(f.start, f.end));
  }
  it.each([
    ['{乡镇名称}2024年上半年工作总结', '{乡镇名称}'],
    ['＜单位名称＞人民政府办公室', '＜单位名称＞'],
    ['■■村完成人居环境整治。', '■■'],
    ['全年完成投资■■万元。', '■■'],
  ])('%s', async (text, found) => {
    expect(await placeholders(text)).toEqual([found]);
  });
  it.each([
    '■ 加强组织领导，压实工作责任。',
    '转发《关于印发〈乡镇工作规则〉的通知》。',
    '按照<br>标签换行的网页文本，不算占位符。',
  ])('stays clean: %s', async (text) => {
    expect(await placeholders(text)).toEqual([]);
  });
});

describe('no-placeholder: a number dropped between a verb and its classifier, no gap left', () => {
  async function gaps(text: string): Promise<string[]> {
    return (await lintString(text, { rule: 'no-placeholder' })).map((f) => text.slice(f.start, f.end));
  }

  it.each([
    ['全年启动个重点项目，总投资3亿元。', ['个']],
    ['实施项民生实事工程，群众满意度持续提升。', ['项']],
    ['新建个村级综合服务站，引进个农业企业。', ['个', '个']],
    ['全镇新建农家书屋个，培训农村实用人才500人次。', ['个']],
    ['改造村级活动场所个、文化广场8处。', ['个']],
  ])('reports the classifier in %s', async (text, found) => {
    expect(await gaps(text)).toEqual(found);
  });

  it.each([
    '全年启动重点项目12个，实施民生工程8项。',
    '完成个人所得税汇算，建立个人健康档案。',
    '实施个性化服务，完成个别村的整改。',
    '新建项目尽快投产，签约项目9个。',
    '培育个体工商户120户，完成项下资金拨付。',
    '完成立项审批，组建立项专班，成立项目指挥部。',
    '全镇新建农家书屋12个，建成村级服务站若干个，安置点3500余个。',
    '这个，那个，每一个，都要落实到位；问题一个个，逐个销号。',
  ])('leaves %s alone', async (text) => {
    expect(await gaps(text)).toEqual([]);
  });
});
