import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/input/decode.js';
import type { Finding } from '../src/types.js';
import { cli, tempDir } from './helpers/cli.js';
import { fixText } from '../src/fix/index.js';
import { builtinRules, lintString } from './helpers/lint.js';
import { headingList, model } from './helpers/model.js';

const lines = (...l: string[]) => l.join('\n');

async function found(text: string, rule: string): Promise<Finding[]> {
  return lintString(text, { rule });
}

/** `<line>:<span>` of each finding, 1-based lines. */
async function at(text: string, rule: string): Promise<string[]> {
  return (await found(text, rule)).map((f) => `${text.slice(0, f.start).split('\n').length}:${text.slice(f.start, f.end)}`);
}

describe('heading-ordinal-format', () => {
  const rule = 'heading-ordinal-format';

  it('reports a few ordinals in ASCII brackets one by one, with a fix to full-width', async () => {
    const text = lines('河口乡2025年工作总结', '一、工作成效', '(一)产业发展提速', '茶园扩面300亩。', '(二)集镇面貌改善', '新修街道两条。', '二、明年打算', '( 1 )继续扩面');
    const f = await found(text, rule);
    expect(f.map((x) => [text.slice(x.start, x.end), x.fix?.text])).toEqual([
      ['(一)', '（一）'],
      ['(二)', '（二）'],
      ['( 1 )', '（1）'],
    ]);
    expect(f[0].message).toBe('序号“(一)”用了半角括号，应使用全角括号“（一）”');
  });

  it('reports a level written in ASCII brackets throughout once, with one fix that changes only the brackets', async () => {
    const text = lines('河口乡2025年工作总结', '一、工作成效', '(一)产业发展提速', '茶园扩面300亩,效益明显。', '(二)集镇面貌改善', '(三)民生持续改善', '二、明年打算', '(一)继续扩面', '(-)加快建设');
    const f = await found(text, rule);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['(一)', '(-)']);
    expect(f[0].message).toContain('本文第二层序号都用半角括号（共4处');
    const { output } = await fixText(text, 'text', { rules: (await builtinRules()).filter((r) => r.definition.id === rule || r.definition.id === 'punctuation-width') });
    expect(output).toBe(text.replace(/\(/g, '（').replace(/\)/g, '）').replace('（-）', '（二）').replace('300亩,', '300亩，'));
  });

  it('reports ASCII brackets one by one where the level also uses full-width ones', async () => {
    const text = lines('一、工作成效', '（一）产业发展', '(二)集镇建设', '(三)民生改善', '(四)社会治理');
    expect((await found(text, rule)).map((x) => x.fix?.text)).toEqual(['（二）', '（三）', '（四）']);
  });

  it('reports a bracket of mixed width and a garbled (-) with the full-width ordinal the sequence expects', async () => {
    const text = lines('一、工作成效', '（一）产业发展提速', '(-)集镇面貌改善', '（三)民生持续改善');
    expect((await found(text, rule)).map((x) => x.fix?.text)).toEqual(['（二）', '（三）']);
  });

  it('reports 一. 一， 1、 （一）、 （1）、 with fixes that touch only the punctuation', async () => {
    const text = lines('一.工作成效', '（一）、产业发展', '1、茶叶产业', '（1）、茶园扩面', '（2）．茶叶加工', '二，存在问题');
    const f = await found(text, rule);
    expect(f.map((x) => `${text.slice(x.start, x.end)}>${x.fix!.text}`)).toEqual([
      '一.>、',
      '（一）、>（一）',
      '1、>.',
      '（1）、>（1）',
      '（2）．>（2）',
      '二，>、',
    ]);
    expect(f[2].fix).toEqual({ start: text.indexOf('1、') + 1, end: text.indexOf('1、') + 2, text: '.' });
  });

  it('reports a colon after an ordinal (一： （一）： 1：) at the start of a title line, with a fix to the standard mark', async () => {
    const text = lines('一：工作成效', '（一）：产业发展', '1:茶叶产业', '2：乡村旅游', '（1）：茶园扩面', '二：存在问题');
    expect((await found(text, rule)).map((x) => `${text.slice(x.start, x.end)}>${x.fix!.text}`)).toEqual([
      '一：>、',
      '（一）：>（一）',
      '1:>.',
      '2：>.',
      '（1）：>（1）',
      '二：>、',
    ]);
    const m = await model(text);
    expect(headingList(m).map((h) => h.split(':')[0])).toEqual(['1', '2', '3', '3', '4', '1']);
  });

  it('leaves a colon after a number that is no ordinal: times, ratios, a label and its sentence', async () => {
    const clean = lines('一、工作安排', '1：30在镇政府三楼签到。', '比例尺1：500', '2：1的比例配套资金。', '三：五、六组已完成验收，群众满意度持续提升，各项工作稳步推进。');
    expect(await at(clean, rule)).toEqual([]);
    expect(headingList(await model(clean))).toEqual(['1:一、:工作安排']);
  });

  it('reports 1） and 一） without their opening bracket, with a fix to the full form', async () => {
    const text = lines('一、工作成效', '一）产业发展', '1）茶园扩面', '2)茶叶加工', '二）集镇建设');
    expect((await found(text, rule)).map((x) => `${text.slice(x.start, x.end)}>${x.fix!.text}`)).toEqual(['一）>（一）', '1）>（1）', '2)>（2）', '二）>（二）']);
    expect(await at(lines('一、工作成效', '详见附件1）。', '1) Fixed a crash.'), rule)).toEqual([]);
  });

  it('says so when the document uses 1、 as its second level', async () => {
    const text = lines('一、工作成效', '1、茶叶产业', '2、乡村旅游', '二、存在问题');
    const f = await found(text, rule);
    expect(f.length).toBe(2);
    expect(f[0].message).toContain('本文把它用作第二层');
    const standard = await found(lines('一、工作成效', '（一）产业', '1、茶叶产业'), rule);
    expect(standard[0].message).not.toContain('本文把它用作');
  });

  it('writes the dot the document uses for 1、', async () => {
    const text = lines('（一）产业', '1．茶叶', '2．旅游', '3、林下经济');
    expect((await found(text, rule)).map((x) => x.fix?.text)).toEqual(['．']);
  });

  it('leaves the standard forms and lines that only look like ordinals alone', async () => {
    const clean = lines(
      '一、工作成效',
      '（一）产业发展',
      '1.茶叶产业',
      '（1）茶园扩面',
      '1—6月，全乡农业产值增长5.2%。',
      '3—6岁儿童入园率98%。',
      '2024年，全乡经济平稳运行。',
      '一是扩面，二是提质。',
      '一，二，三组已完成验收。',
      '一、二季度全乡农业产值增长4.8%。',
      '一、二类隐患全部整改到位。',
      '12.5%的农户参加了合作社。',
    );
    expect(await at(clean, rule)).toEqual([]);
    const m = await model(clean);
    expect(headingList(m)).toEqual(['1:一、:工作成效', '2:（一）:产业发展', '3:1.:茶叶产业', '4:（1）:茶园扩面']);
  });

  it('keeps ASCII brackets before Latin-script text', async () => {
    expect(await at(lines('附录', '(1) Fixed a crash on start-up.', '(2) Updated the manual.'), rule)).toEqual([]);
  });

  it('does not rewrite a heading broken after its opening bracket', async () => {
    const f = await found(lines('（一）产业发展', '(', '二)集镇建设'), rule);
    expect(f.length).toBe(1);
    expect(f[0].fix).toBeUndefined();
  });
});

describe('numbered paragraphs under a heading are not page markers', () => {
  it('takes 1、 2、 under a heading that ends without punctuation for headings', async () => {
    const text = lines('一、工作成效', '（一）产业发展提速，效益明显', '1、茶园扩面300亩。', '2、新建加工厂1座。', '（二）集镇面貌改善', '1、新修街道两条。');
    const m = await model(text);
    expect(m.pageMarkers).toEqual([]);
    expect(headingList(m).filter((h) => h.startsWith('3:'))).toEqual(['3:1、:茶园扩面300亩', '3:2、:新建加工厂1座', '3:1、:新修街道两条']);
    expect(await at(text, 'web-residue')).toEqual([]);
  });

  it('still takes N、 that cut a running sentence for page markers', async () => {
    const text = lines('全乡上下齐心协力，认真落实各项惠民', '2、政策，群众满意度持续提升。', '下半年将继续巩固成果，推动各项', '3、工作再上新台阶。');
    const m = await model(text);
    expect(m.pageMarkers.map((p) => text.slice(p.start, p.end))).toEqual(['2、', '3、']);
  });
});

describe('heading-ordinal-sequence', () => {
  const rule = 'heading-ordinal-sequence';

  it('reports a skipped top-level ordinal even when a lower level uses the missing numeral', async () => {
    const text = lines('一、基本情况', '二、主要做法', '（一）清洁行动', '（二）改厕', '（三）污水治理', '四、存在问题', '五、下步打算');
    expect(await at(text, rule)).toEqual(['6:四、']);
  });

  it('does not report a number written at a line start in the same form though not taken for a heading', async () => {
    const text = lines('1.城乡融合：推动公共服务向农村延伸。', '2.数字乡村：建设益农信息社。', '3.2026年十件实事：新建幼儿园两所。', '4.文明实践：建成站点30个。');
    expect(await at(text, rule)).toEqual([]);
  });

  it('reports 1. repeated under one （一）, but not a restart under the next （二）', async () => {
    const text = lines('一、工作情况', '（一）经济发展', '1.税收增长。', '1.招商引资。', '（二）社会治理', '1.化解纠纷。', '2.排查隐患。');
    const f = await found(text, rule);
    expect(f.map((x) => [text.slice(0, x.start).split('\n').length, x.evidence?.expected, x.evidence?.problem])).toEqual([[4, '2.', 'repeated']]);
  });

  it('keeps a new list that restarts after several items, and 1. 1. 2. where the restart continues', async () => {
    expect(await at(lines('一、回顾', '二、民生实事', '一、新建幼儿园', '二、改造小区'), rule)).toEqual([]);
    expect(await at(lines('（一）产业', '1.扩面', '1.茶园', '2.加工'), rule)).toEqual([]);
  });

  it('reports repeated, backward and skipped ordinals at lower levels', async () => {
    const text = lines('一、工作', '（一）甲', '（二）乙', '（二）丙', '1.子项', '2.子项', '4.子项', '（1）细项', '（3）细项');
    expect(await at(text, rule)).toEqual(['4:（二）', '7:4.', '9:（3）']);
  });

  it('stays clean after a malformed 一. or 一， whose sequence holds', async () => {
    expect(await at(lines('一.基本情况', '二、主要做法', '三、存在问题'), rule)).toEqual([]);
    expect(await at(lines('一，基本情况', '二、主要做法', '三、存在问题'), rule)).toEqual([]);
  });

  it('does not let 7—8月 or 2023年， break the sequence', async () => {
    const text = lines('一、汛前准备', '7—8月，全镇降雨偏多。', '二、汛期应对', '2023年，共转移群众200人。', '三、存在问题');
    expect(await at(text, rule)).toEqual([]);
  });

  it('walks 60,000 headings that alternate restarts and skips in linear time', async () => {
    const text = Array.from({ length: 60000 }, (_, i) => `${i % 2 ? 3 : 1}.标题内容`).join('\n');
    const t0 = performance.now();
    const f = await found(text, rule);
    // Quadratic bookkeeping took tens of seconds here; linear work takes well under one.
    expect(performance.now() - t0).toBeLessThan(8000);
    expect(f.length).toBeGreaterThan(0);
  });
});

describe('missing-problems-section', () => {
  const rule = 'missing-problems-section';
  const summary = (...body: string[]) => lines('柳河镇2025年工作总结', '一、主要成效', '全镇经济平稳增长。', ...body, '三、明年打算', '继续抓好项目建设。');

  it.each([
    '二、存在的问题和不足',
    '二、困难和问题',
    '二、短板弱项',
    '二、工作中的薄弱环节',
    '二、不足之处',
    '二、问题与挑战',
    '二、差距和不足',
    '二、问题和差距',
    '二、当前面临的困难挑战',
    '二、问题与短板',
    '二、存在的主要不足',
    '二、几点不足',
    '二、取得的成绩和存在的问题',
    '二、存在问题及原因分析',
    '二、存在的问题：一是招商难度加大',
    '二、发展短板和工作不足',
    '二、亟待解决的问题',
    '二、面临的形势和困难',
    '二、存在的差距和不足',
    '二、几点体会和不足',
    '二：存在问题',
  ])('accepts a section titled %s', async (heading) => {
    expect(await found(summary(heading, '资金缺口较大。'), rule)).toEqual([]);
  });

  it.each(['二、面临的形势和任务', '二、当前形势分析', '二、几点体会'])('still reports a summary whose second section is %s', async (heading) => {
    expect((await found(summary(heading, '资金缺口较大。'), rule)).length).toBe(1);
  });

  it('accepts a Markdown heading without an ordinal', async () => {
    const text = '# 柳河镇2025年工作总结\n\n## 工作成效\n\n全镇经济平稳增长。\n\n## 存在的主要问题\n\n资金缺口较大。\n';
    expect(await lintString(text, { rule, format: 'markdown' })).toEqual([]);
    expect((await lintString(text.replace('存在的主要问题', '明年打算'), { rule, format: 'markdown' })).length).toBe(1);
  });

  it('accepts the section at a lower level', async () => {
    expect(await found(lines('柳河镇2025年工作总结', '一、工作情况', '（一）经济发展', '税收增长。', '（四）存在的短板', '人才不足。', '二、明年打算'), rule)).toEqual([]);
  });

  it.each([
    '在看到成绩的同时，我们也清醒地认识到，发展中还面临不少困难和挑战，主要是：',
    '工作中仍然存在一些短板，突出表现在产业链条短。',
    '存在的主要问题是：项目储备不足。',
    '问题和不足主要表现在以下几个方面：',
  ])('accepts a paragraph led by %s', async (lead) => {
    expect(await found(summary('二、其他工作', lead, '人才不足。'), rule)).toEqual([]);
  });

  it.each([
    '二、补短板强弱项',
    '二、全力以赴解决群众急难愁盼问题',
    '二、问题整改落实情况',
    '二、风险防控',
    '二、矛盾纠纷化解',
    '二、强弱项',
    '二、坚持问题导向',
  ])('reports a summary whose only near miss is %s', async (heading) => {
    const f = await found(summary(heading, '全年化解纠纷50件。'), rule);
    expect(f.length).toBe(1);
    expect(f[0].start).toBe(0);
  });

  it('does not count a passing mention', async () => {
    const text = summary('二、项目建设', '对同时存在问题的村逐一回访，推动整改到位。', '全镇还存在隐患的3处危房已全部拆除。');
    expect((await found(text, rule)).length).toBe(1);
  });

  it('applies to summaries and reports on work, not to plans or government reports', async () => {
    const body = ['一、主要成效', '全镇经济平稳增长。', '二、明年打算', '继续抓好项目建设。'];
    expect((await found(lines('柳河镇2025年工作汇报', ...body), rule)).length).toBe(1);
    expect(await found(lines('柳河镇2026年工作计划', ...body), rule)).toEqual([]);
    expect(await found(lines('2026年柳河镇政府工作报告', ...body), rule)).toEqual([]);
  });
});

describe('heading-ordinal-format: a space inside an ordinal', () => {
  const rule = 'heading-ordinal-format';
  it('reports 一 、 and 1 、 with a fix that closes the space and writes the level\'s mark', async () => {
    const text = lines('河口乡2025年工作总结', '一 、工作成效', '（一）产业发展', '1 、茶园扩面300亩。', '2 .集镇改造完成。', '二\u3000、明年打算');
    const f = await found(text, rule);
    expect(f.map((x) => [text.slice(x.start, x.end), x.fix?.text])).toEqual([
      ['一 、', '一、'],
      ['1 、', '1.'],
      ['2 .', '2.'],
      ['二\u3000、', '二、'],
    ]);
    expect(f[0].message).toBe('序号“一 、”格式不规范，第一层序号应写作“一、”');
  });

  it('leaves ordinals without a space and numbers with spaces in running text alone', async () => {
    const text = lines('河口乡2025年工作总结', '一、工作成效', '（一）产业发展', '1.茶园扩面300亩，亩均增收1 200元。', '2.全年降雨 3 . 5 毫米以上天数减少。');
    expect(await at(text, rule)).toEqual([]);
  });
});

describe('--fix on heading ordinals', () => {
  const before = lines('青山镇2025年上半年工作总结', '一.主要工作', '(一)抓好项目建设', '全镇新开工项目6个。', '（二）、推进乡村振兴', '1、新建示范村2个。', '二，存在的问题', '项目储备不足。', '三　、明年打算', '2 、完善村规民约。', '') ;
  const after = lines('青山镇2025年上半年工作总结', '一、主要工作', '（一）抓好项目建设', '全镇新开工项目6个。', '（二）推进乡村振兴', '1.新建示范村2个。', '二、存在的问题', '项目储备不足。', '三、明年打算', '2.完善村规民约。', '');

  it.each([
    ['UTF-8', (s: string) => Buffer.from(s, 'utf8')],
    ['UTF-8 with BOM and CRLF', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.replace(/\n/g, '\r\n'), 'utf8')])],
    ['GB18030 with CRLF', (s: string) => iconv.encode(s.replace(/\n/g, '\r\n'), 'gb18030')],
  ] as const)('rewrites only the ordinals, byte for byte, in %s', async (_name, encode) => {
    const dir = tempDir({ 'a.txt': encode(before) });
    const file = path.join(dir, 'a.txt');
    const r = await cli(['--fix', 'a.txt'], dir);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(file).equals(encode(after))).toBe(true);
    expect(decode(fs.readFileSync(file)).text).not.toContain('(一)');
  });
});

describe('heading-ordinal-sequence: parts (第一部分 … 第三部分)', () => {
  it('reports a part skipped, repeated or going backwards, where it breaks the run', async () => {
    const text = '白沙镇2025年工作总结\n第一部分 主要工作\n全年完成投资3亿元。\n第三部分 存在问题\n部分村集体经济薄弱。\n第三部分 下步打算\n抓好项目建设。\n第二部分 附则\n';
    const hits = await found(text, 'heading-ordinal-sequence');
    expect(hits.map((f) => text.slice(f.start, f.end))).toEqual(['第三部分', '第三部分', '第二部分']);
    expect(hits.map((f) => f.message)).toEqual([
      '标题序号“第三部分”不连续，此处应为“第二部分”',
      '标题序号“第三部分”不连续，此处应为“第四部分”',
      '标题序号“第二部分”不连续，此处应为“第四部分”',
    ]);
  });

  it('leaves parts in order, a table of contents before the body, and 第一部分 inside a sentence', async () => {
    const text = '白沙镇2025年工作总结\n目录\n第一部分 主要工作\n第二部分 存在问题\n第一部分 主要工作\n全年完成投资3亿元，详见第三部分。\n第二部分 存在问题\n部分村集体经济薄弱，第四部分另作说明。\n';
    expect(await at(text, 'heading-ordinal-sequence')).toEqual([]);
  });
});
