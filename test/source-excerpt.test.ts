import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/model/line-index.js';
import { captureExcerpt, SourceExcerpt } from '../src/report/source.js';

describe('SourceExcerpt', () => {
  it('answers like the full text for the spans it was captured for', () => {
    const line = fc.stringMatching(/^[ab镇，]{0,5}$/);
    const doc = fc.tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'));
    const span = fc.tuple(fc.nat(), fc.nat());
    fc.assert(
      fc.property(doc, fc.array(span, { minLength: 1, maxLength: 4 }), ([parts, eol], picks) => {
        const text = parts.join(eol);
        const full = new LineIndex(text);
        const spans = picks.map(([a, b]) => {
          const x = a % (text.length + 1);
          const y = b % (text.length + 1);
          return { start: Math.min(x, y), end: Math.max(x, y) };
        });
        // Through a JSON round trip, as the cache stores it.
        const excerpt = new SourceExcerpt(JSON.parse(JSON.stringify(captureExcerpt(full, spans))));
        for (const s of spans) {
          expect(excerpt.position(s.start)).toEqual(full.position(s.start));
          expect(excerpt.position(s.end)).toEqual(full.position(s.end));
          expect(excerpt.slice(s.start, s.end)).toBe(text.slice(s.start, s.end));
          const l = full.position(s.start).line;
          expect(excerpt.line(l)).toEqual(full.line(l));
        }
      }),
    );
  });

  it('holds only the lines the spans touch', () => {
    const text = '第一行\n第二行XX\n第三行\n第四行';
    const full = new LineIndex(text);
    const at = text.indexOf('XX');
    const data = captureExcerpt(full, [{ start: at, end: at + 2 }]);
    expect(data.lines).toEqual([[2, 4, '第二行XX\n']]);
  });
});
