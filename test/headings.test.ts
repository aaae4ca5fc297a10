import { describe, expect, it } from 'vitest';
import type { Section } from '../src/model/document.js';
import { headingList, model } from './helpers/model.js';

describe('headings at line starts', () => {
  it('recognises the four GB/T 9704 levels and builds the section tree', async () => {
    const m = await model(
      ['2024年工作总结', '    一、2024年主要工作', '（一）抓好项目建设', '1.新开工项目12个', '（1）工业项目8个', '(二)改善民生', '二、存在问题', '资金缺口较大。'].join('\n'),
    );
    expect(headingList(m)).toEqual([
      '1:一、:2024年主要工作',
      '2:（一）:抓好项目建设',
      '3:1.:新开工项目12个',
      '4:（1）:工业项目8个',
      '2:(二):改善民生',
      '1:二、:存在问题',
    ]);
    const shape = (s: Section): unknown => [s.heading?.ordinal?.raw ?? 'root', s.children.map(shape)];
    expect(shape(m.root)).toEqual(['root', [['一、', [['（一）', [['1.', [['（1）', []]]]]], ['(二)', []]]], ['二、', []]]]);
    const second = m.root.children[1];
    expect(m.text.slice(second.start, second.end)).toBe('二、存在问题\n资金缺口较大。');
  });

  it('does not take 一是, 1-5月, a year or an enumeration inside a sentence for headings', async () => {
    const m = await model(
      [
        '一是加强组织领导，二是压实工作责任。',
        '1-5月，全镇规上工业产值增长6.2%。',
        '2023.全年完成投资5亿元。',
        '一.5个百分点的差距。',
        '推动一、二、三产业融合发展。',
        '2.5%的增速高于全市平均水平。',
      ].join('\n'),
    );
    expect(headingList(m)).toEqual([]);
  });

  it('joins a heading broken after its opening bracket', async () => {
    const m = await model(['（一）经济运行稳中有进。', '（二）产业结构持续优化。', '（', '三）改革开放不断深化。', '正文内容。'].join('\n'));
    expect(headingList(m)).toEqual(['2:（一）:经济运行稳中有进', '2:（二）:产业结构持续优化', '2:（\n三）:改革开放不断深化']);
    expect(m.headings[2].start).toBe(m.text.indexOf('（\n三）'));
  });
});

describe('headings inside a line (text extracted from PDF or web pages)', () => {
  it('finds ordinals that continue the numbering after a sentence end or right after a heading', async () => {
    const text =
      '现将全年工作总结如下。一、工作措施(一)健全工作机制，细化任务分工。一是召开专题会议。(二)强化督促检查，确保任务落实。二、主要成效(一)项目建设提速。';
    const m = await model(text);
    expect(headingList(m)).toEqual([
      '~1:一、:工作措施',
      '~2:(一):健全工作机制，细化任务分工',
      '~2:(二):强化督促检查，确保任务落实',
      '~1:二、:主要成效',
      '~2:(一):项目建设提速',
    ]);
  });

  it('accepts the garbled (-) where (二) is due, without derailing the sequence', async () => {
    const text = ['一、工作措施', '(一)统一思想。组建5个工作组。(-)全员招商，形成合力。(三)巩固农业成果。', '二、下步打算'].join('\n');
    const m = await model(text);
    expect(headingList(m)).toEqual(['1:一、:工作措施', '2:(一):统一思想', '~2:(-):全员招商，形成合力', '~2:(三):巩固农业成果', '1:二、:下步打算']);
    const garbled = m.headings[2].ordinal!;
    expect(garbled).toMatchObject({ value: 2, inferred: true });
    expect(m.root.children[0].children.map((s) => s.heading!.ordinal!.value)).toEqual([1, 2, 3]);
  });

  it('ignores an ordinal in running text that does not continue the numbering', async () => {
    const m = await model(['一、基本情况', '全年召开会议。(三)号文件已印发。三、没有第二项就不是下一节。'].join('\n'));
    expect(headingList(m)).toEqual(['1:一、:基本情况']);
  });
});

describe('page-number runs left by scrapers', () => {
  it('marks line-start N、 that cut sentences as page markers, not headings', async () => {
    const text = ['网站说明文字。', '1、全镇上下团结一心，扎实推进各项', '2、工作，取得了明显成效。一、主要成效', '3、(一)项目建设加快，新开工项目', '4、12个。'].join('\n');
    const m = await model(text);
    expect(m.pageMarkers.map((p) => m.text.slice(p.start, p.end))).toEqual(['1、', '2、', '3、', '4、']);
    expect(headingList(m)).toEqual(['~1:一、:主要成效', '~2:(一):项目建设加快，新开工项目']);
  });

  it('keeps a real 1、 list as headings when the lines end sentences', async () => {
    const m = await model(['1、加强组织领导。', '2、完善工作机制。', '3、强化督查考核。'].join('\n'));
    expect(m.pageMarkers).toEqual([]);
    expect(headingList(m)).toEqual(['3:1、:加强组织领导', '3:2、:完善工作机制', '3:3、:强化督查考核']);
  });
});

describe('Markdown headings', () => {
  it('uses # headings and ordinals inside them', async () => {
    const m = await model('# 2024年工作总结\n\n## 一、主要成效\n\n正文。\n\n## 二、存在问题\n\n正文。\n', 'markdown');
    expect(headingList(m)).toEqual(['1:#:2024年工作总结', '1:一、:主要成效', '1:二、:存在问题']);
    expect(m.facts.title?.text).toBe('2024年工作总结');
  });
});

describe('the title below pasted page furniture', () => {
  it.each([
    ['a breadcrumb', '您的位置：首页 > 范文 > 总结'],
    ['a breadcrumb that starts at the home page', '首页 > 工作总结 > 乡镇'],
    ['upload metadata', '发布者：管理员 发布时间：2025-01-08 浏览：88次'],
    ['a button row', '【打印】【关闭】'],
  ])('is found after %s', async (_kind, furniture) => {
    const m = await model(`${furniture}\n东山镇2024年工作总结\n一年来，全镇上下真抓实干。\n一、主要成效\n正文。`);
    expect(m.facts.title?.text).toBe('东山镇2024年工作总结');
    expect(m.facts.year).toBe(2024);
  });

  it('is found below a government portal record of the page, however long', async () => {
    const record = ['索引号: 11330600/2025-00123 公开方式: 主动公开', '发布机构: 东山镇 发文日期: 2025-01-08', '组配分类: 计划总结 文件编码:', '信息索引号:', '11330600/2025-00123', '主题分类:', '政务公开', '成文日期:', '2025-01-08', '文号:', '有效性:', '访问次数:'];
    const m = await model([...record, '东山镇2024年工作总结', '一年来，全镇上下真抓实干。', '一、主要成效', '正文。'].join('\n'));
    expect(m.facts.title?.text).toBe('东山镇2024年工作总结');
  });

  it('is not taken from a sentence that follows a breadcrumb', async () => {
    const m = await model('当前位置：首页 > 范文\n一年来，全镇上下真抓实干，各项工作取得新成效。\n一、主要成效\n正文。');
    expect(m.facts.title).toBeUndefined();
  });
});

describe('the year of a document whose title spans years', () => {
  it.each([
    ['东山镇农村人居环境整治行动计划（2021—2023年）', 2021],
    ['东山镇乡村振兴规划(2023-2025年)', 2023],
    ['东山镇2022年至2024年道路建设方案', 2022],
    ['东山镇2024年工作总结', 2024],
    ['关于印发东山镇2024年工作要点（2024—2025）的通知', 2024],
  ])('%s is of %i', async (title, year) => {
    const m = await model(`${title}\n一、总体要求\n正文。`);
    expect(m.facts.year).toBe(year);
  });

  it('so a plan for 2021—2023 may cite the plenums of the congress of 2017', async () => {
    const { lintString } = await import('./helpers/lint.js');
    const text = '东山镇数字乡村行动计划（2021—2023年）\n全面贯彻落实党的十九大和十九届二中、三中、四中、五中全会精神。';
    expect(await lintString(text, { rule: 'stale-term' })).toEqual([]);
    expect(await lintString(text.replace('2021—2023', '2023—2025'), { rule: 'stale-term' })).toHaveLength(1);
  });
});
