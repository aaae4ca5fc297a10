import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/model/line-index.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and UTF-16 columns across CRLF, LF and CR', () => {
    const text = '第一行\r\n第二行\n第三行\r第四行';
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(4);
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(text.indexOf('第二'))).toEqual({ line: 2, column: 1 });
    expect(lines.position(text.indexOf('三行'))).toEqual({ line: 3, column: 2 });
    expect(lines.position(text.indexOf('第四'))).toEqual({ line: 4, column: 1 });
    expect(lines.lineSpan(1)).toEqual({ start: 0, end: 3 });
    expect(text.slice(lines.lineSpan(3).start, lines.lineSpan(3).end)).toBe('第三行');
  });

  it('counts a character outside the BMP as two UTF-16 code units', () => {
    const text = '𠀀镇XX村';
    const lines = new LineIndex(text);
    expect(lines.position(text.indexOf('XX'))).toEqual({ line: 1, column: 4 });
  });

  it('puts the end of a line terminator on the next line', () => {
    const lines = new LineIndex('ab\r\ncd');
    expect(lines.position(2)).toEqual({ line: 1, column: 3 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1 });
  });

  it('answers the same for offsets asked in any order (the last line looked up is only a hint)', () => {
    const line = fc.stringMatching(/^[ab镇]{0,4}$/);
    const doc = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'));
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 20 }), ([parts, eol], picks) => {
        const text = parts.join(eol);
        const lines = new LineIndex(text);
        for (const pick of picks) {
          const offset = pick % (text.length + 1);
          // A fresh index has no hint: its answer is the binary search's.
          expect(lines.position(offset)).toEqual(new LineIndex(text).position(offset));
        }
      }),
    );
  });
});
