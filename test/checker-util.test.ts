import { describe, expect, it } from 'vitest';
import { addressSpans, replaceUnits } from '../src/checkers/util.js';

const found = (text: string) => addressSpans(text).map((s) => text.slice(s.start, s.end));

describe('checker helpers', () => {
  it('finds web and e-mail addresses alone, together, or none, whatever the document before', () => {
    expect(found('详见https://example.org/a?b=1，或www.example.cn。')).toEqual(['https://example.org/a?b=1', 'www.example.cn']);
    expect(found('来信请寄office@example.gov.cn，谢谢。')).toEqual(['office@example.gov.cn']);
    expect(found('网址http://a.example.cn，邮箱a.b@example.cn。')).toEqual(['http://a.example.cn', 'a.b@example.cn']);
    expect(found('全镇完成投资3.5亿元。')).toEqual([]);
    // The same text again, after others: the kept answer is this text's.
    expect(found('来信请寄office@example.gov.cn，谢谢。')).toEqual(['office@example.gov.cn']);
  });

  it('replaces single code units in a span, leaving the text between them as it was', () => {
    const text = '甲(一)乙(二)丙';
    expect(replaceUnits(text, 1, 8, [{ at: 1, text: '（' }, { at: 3, text: '）' }, { at: 5, text: '（' }, { at: 7, text: '）' }])).toBe('（一）乙（二）');
    expect(replaceUnits(text, 2, 6, [])).toBe('一)乙(');
  });
});
