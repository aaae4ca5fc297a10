import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

async function spans(text: string, rule: string, format: 'text' | 'markdown' = 'text'): Promise<string[]> {
  return (await lintString(text, { rule, format })).map((f) => text.slice(f.start, f.end));
}

describe('no-placeholder spans', () => {
  it('reports one finding per placeholder run with its exact span', async () => {
    expect(await spans('人均1XX32元，比增2X.13%，21.X%，投资X00万元，201X年，X月X日前，***总书记，S*线，投资==亿元。', 'no-placeholder')).toEqual([
      '1XX32', '2X.13', '21.X', 'X00', '201X', 'X月X日', '***', '*', '==',
    ]);
  });

  it('keeps Markdown markup out and single-star "emphasis" around Chinese in', async () => {
    expect(await spans('- **重点**项目\n- *镇完成投资*亿元\n', 'no-placeholder', 'markdown')).toEqual(['*', '*']);
    expect(await spans('* 列表项XX\n', 'no-placeholder', 'markdown')).toEqual(['XX']);
  });

  it('ignores letters in web and e-mail addresses', async () => {
    expect(await spans('网址 https://xx.example.cn/xx/list.html 邮箱 xx@example.cn', 'no-placeholder')).toEqual([]);
  });
});

describe('no-placeholder in template forms and next to Latin text', () => {
  it('reports each template form once', async () => {
    expect(await spans('【村名】村共有＿＿户，20__年与X镇合作，于×月×日前在＊＊村完成。', 'no-placeholder')).toEqual([
      '【村名】', '＿＿', '__', 'X', '×', '×', '＊＊',
    ]);
  });

  it('leaves Latin-script text, file names and sizes alone', async () => {
    expect(await spans('订购XX-Large码服装，与XXX Corp. 合作，Release notes: fixed XX bugs，见 v2_XX_plan.pdf，建6×12米展板。', 'no-placeholder')).toEqual([]);
  });
});

describe('no-placeholder: a number dropped before its unit', () => {
  it('reports the unit after the gap a dropped number left, spaces or 余 before it', async () => {
    expect(await spans('全年接待来访群众 人次，完成投资　万元。新修通村道路 公里；累计流转土地余亩，培训人员余人。', 'no-placeholder')).toEqual([
      '人次', '万元', '公里', '余亩', '余人',
    ]);
    expect(await spans('改造农村危房  户\n', 'no-placeholder')).toEqual(['户']);
  });

  it('leaves numbers written with spaces, unit notes, spaced form labels and words with 余 alone', async () => {
    expect(await spans('全镇共有党员 1260 名，其中女党员 318 名。', 'no-placeholder')).toEqual([]);
    expect(await spans('表1 主要指标（单位 万元）\n姓  名\n本人签  名\n', 'no-placeholder')).toEqual([]);
    expect(await spans('其余人员由剩余户数分摊，结余元件入库，在余家村召开现场会，富余人，业余人。', 'no-placeholder')).toEqual([]);
    expect(await spans('全年完成投资 3.2 亿元，接待游客 12 万人次。', 'no-placeholder')).toEqual([]);
  });

  it('reports 万元 and 平方米 closed up on a word that is no numeral, but not 上万元, 每平方米 or 万元以上', async () => {
    expect(await spans('全年投入帮扶资金万元，新建标准化厂房平方米；辖区面积平方公里。', 'no-placeholder')).toEqual(['万元', '平方米', '平方公里']);
    expect(await spans('人均增收上万元，每平方米造价2000元，扶持万元以上项目6个，接待游客人次、旅游花费均增长8%。', 'no-placeholder')).toEqual([]);
  });
});

describe('pattern rules: `at`, the places a pattern is tried', () => {
  /** A user pattern rule with one pattern, tried everywhere or only at `at`. */
  async function userRule(regex: string, at?: string[]) {
    const { parseRule } = await import('../src/rules/parse-rule.js');
    const { compileRules } = await import('../src/rules/compile.js');
    const definition = parseRule(
      JSON.stringify({
        id: 'gap', type: 'pattern', severity: 'info', message: { zh: '甲{match}', en: 'a{match}' },
        docs: { summary: { zh: '甲', en: 'a' }, what: '甲', why: '甲', source: '甲' },
        examples: { valid: [], invalid: ['甲'] },
        options: { patterns: [at ? { regex, at } : { regex }] },
      }),
      'mine/gap.yaml',
    );
    return compileRules([definition]);
  }

  it('finds what a search of the whole text finds when every match starts at one of the strings', async () => {
    const { lintText } = await import('../src/engine/lint.js');
    const text = '接待群众 人次，投资 万元。\n共有 12 人，建成 个\n征地余亩；其余人员，培训余人。';
    const regex = '(?<=[\\u3400-\\u9fff])(?:[ ](?:人次|万元|个)|余(?:亩|人))(?=[，。；]|$)';
    const find = async (at?: string[]) =>
      (await lintText(text, 'text', { rules: await userRule(regex, at) })).findings.map((f) => text.slice(f.start, f.end));
    const everywhere = await find();
    expect(everywhere).toEqual([' 人次', ' 万元', ' 个', '余亩', '余人']);
    expect(await find([' 人', ' 万', ' 个', '余亩', '余人'])).toEqual(everywhere);
    // Only where a string stands: without ' 个' the match at 建成 个 is never tried.
    expect(await find([' 人', ' 万', '余亩', '余人'])).toEqual([' 人次', ' 万元', '余亩', '余人']);
  });
});
