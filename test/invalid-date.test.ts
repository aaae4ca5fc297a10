import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

/** The text of each invalid-date finding in `text`. */
async function dates(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'invalid-date' })).map((f) => text.slice(f.start, f.end));
}

describe('invalid-date: dates written with separators and clock times', () => {
  it.each([
    ['a hyphenated date past the month', '2025-06-31前完成全部验收。', '2025-06-31'],
    ['a dotted date in February', '定于2025.2.30召开总结大会。', '2025.2.30'],
    ['a slashed leap day in a common year', '于2023/2/29完成验收。', '2023/2/29'],
    ['an hour past 24 after a date', '定于6月30日25时前上报。', '6月30日25时'],
    ['minutes past 59 after a date', '2025年3月3日9时75分召开会议。', '2025年3月3日9时75分'],
    ['a month with its day after a dash', '2024年6月-9月31日开展防汛值守。', '9月31日'],
    ['the month and day after a dash and a year', '批次A-2025年6月31日到货。', '6月31日'],
  ])('reports %s', async (_, text, match) => {
    expect(await dates(text)).toEqual([match]);
  });

  it.each([
    ['real dates in each form', '2024-02-29、2025.6.30和2025/12/31均已完成验收。'],
    ['a version number and a code', '系统版本2025.13.5，档案编号2025-13-45。'],
    ['separators mixed in one string', '编号2025-6.31已归档。'],
    ['the end of a day', '截至2025年6月30日24时，完成投资5亿元。'],
    ['a range of months ending past twelve', '1-13月累计完成投资3亿元。'],
    ['an address holding a date-like path', '详见 https://www.example.com/2025-06-31/notice.html 。'],
  ])('keeps %s clean', async (_, text) => {
    expect(await dates(text)).toEqual([]);
  });
});

describe('invalid-date: dates in Chinese numerals', () => {
  it.each([
    ['a leap day in a common year on a date line', '东山镇人民政府\n二〇二三年二月二十九日', '二〇二三年二月二十九日'],
    ['a day past the month', '定于二〇二五年六月三十一日前完成验收。', '二〇二五年六月三十一日'],
    ['a month past twelve', '二〇二五年十三月完成。', '二〇二五年十三月'],
    ['a year written with ○', '于二○二四年四月三十一日召开会议。', '二○二四年四月三十一日'],
  ])('reports %s', async (_, text, match) => {
    expect(await dates(text)).toEqual([match]);
  });

  it.each([
    ['a leap day in a leap year', '东山镇人民政府\n二〇二四年二月二十九日'],
    ['the last day of the year and an older year', '二〇二五年十二月三十一日前完成，一九九八年三月建镇。'],
    ['a month and day without a year', '二月三十日'],
  ])('keeps %s clean', async (_, text) => {
    expect(await dates(text)).toEqual([]);
  });
});

describe('invalid-date: Chinese-numeral dates are read at the head and foot only', () => {
  it('reports a wrong date line at the end of a long document and none in its middle', async () => {
    const body = '全镇上下坚持稳中求进，各项工作取得新成效。'.repeat(40);
    const text = `东山镇2024年工作总结\n${body}\n会议于二〇二三年二月三十日召开。\n${body}\n东山镇人民政府\n二〇二三年二月二十九日\n`;
    expect(await dates(text)).toEqual(['二〇二三年二月二十九日']);
  });
});
