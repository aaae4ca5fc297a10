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
