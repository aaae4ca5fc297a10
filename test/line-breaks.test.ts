import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBreaks } from '../src/model/line-breaks.js';

/** The first position at or after `from` whose unit is one of `breaks`, by the plainest loop. */
function reference(text: string, from: number, breaks: string): number {
  for (let i = from; i < text.length; i++) if (breaks.includes(text[i])) return i;
  return text.length;
}

const pieces = ['\n', '\r', '\r\n', '\u2028', '\u2029', '东', '山', ' ', '。', '😀'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

describe('LineBreaks', () => {
  it('finds the next \\n or \\r from every position, with or without \\r in the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const breaks = new LineBreaks(text);
        for (let from = 0; from <= text.length; from++) expect(breaks.next(from)).toBe(reference(text, from, '\n\r'));
      }),
    );
  });

  it('counts U+2028 and U+2029 as breaks only when asked (they end a line for ^ with the m flag)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const breaks = new LineBreaks(text, true);
        for (let from = 0; from <= text.length; from++) expect(breaks.next(from)).toBe(reference(text, from, '\n\r\u2028\u2029'));
      }),
    );
    expect(new LineBreaks('甲\u2028乙\n').next(0)).toBe(3);
    expect(new LineBreaks('甲\u2028乙\n', true).next(0)).toBe(1);
  });

  it('answers the length of the text past its last break', () => {
    expect(new LineBreaks('一行\n二行').next(3)).toBe(5);
    expect(new LineBreaks('一行\r\n二行').next(4)).toBe(6);
    expect(new LineBreaks('').next(0)).toBe(0);
  });
});
