import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

async function repeats(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'duplicate-text' })).map((f) => text.slice(f.start, f.end));
}

describe('duplicate-text: a paragraph pasted twice on one line', () => {
  const once = '全年完成投资5亿元，同比增长12%，新建村级养老服务站6个。';

  it('reports the second copy, after the spaces between them, on LF and CRLF', async () => {
    expect(await repeats(`一、主要工作\n${once}${once}\n二、存在问题\n`)).toEqual([once]);
    expect(await repeats(`一、主要工作\r\n${once}  ${once}\r\n二、存在问题\r\n`)).toEqual([once]);
  });

  it('reports a paragraph repeated on a line of its own as before, once', async () => {
    expect(await repeats(`${once}\n${once}\n`)).toEqual([once]);
  });

  it.each([
    ['a short refrain', '一是抓落实。一是抓落实。'],
    ['two sentences that only share words', '全年完成投资5亿元，同比增长12%。全年新建村级养老服务站6个，同比增长12%。'],
    ['halves that do not end a sentence', '全年完成投资5亿元同比增长全年完成投资5亿元同比增长'],
    ['Latin-script text', 'It works! It works! It works! It works!'],
  ])('keeps %s clean', async (_, text) => {
    expect(await repeats(`${text}\n`)).toEqual([]);
  });
});

describe('duplicate-text: paragraphs compared without their spaces', () => {
  const text = '全镇新建高标准农田3200亩，完成率106.7%。';

  it('finds a repeat whose spaces differ, and not a paragraph that differs in one character', async () => {
    const spaced = '全镇新建 高标准农田3200亩，\u3000完成率106.7%。';
    expect(await repeats(`${text}\n二、其他\n${spaced}\n`)).toEqual([spaced]);
    expect(await repeats(`${text}\n二、其他\n全镇新建高标准农田3300亩，完成率106.7%。\n`)).toEqual([]);
    // The same characters with more after them: a prefix is not a repeat.
    expect(await repeats(`${text}\n${text}另有200亩在建。\n`)).toEqual([]);
  });

  it.each([
    ['a no-break space', '\u00a0'],
    ['an en quad', '\u2000'],
    ['a narrow no-break space', '\u202f'],
    ['a byte-order mark', '\ufeff'],
    ['a tab', '\t'],
  ])('finds a repeat holding %s', async (_, space) => {
    const spaced = `全镇新建${space}高标准农田3200亩，完成率106.7%。`;
    expect(await repeats(`${text}\n二、其他\n${spaced}\n`)).toEqual([spaced]);
  });
});
