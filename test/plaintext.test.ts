import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../src/parse/plaintext.js';
import { randomText } from './helpers/random-text.js';

/** The paragraphs as the runs between line breaks, trimmed: what the parser must find, by regex. */
function reference(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const lead = /^[\t\v\f \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*/.exec(m[0])![0].length;
    const trail = /[\t\v\f \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*$/.exec(m[0].slice(lead))![0].length;
    if (lead + trail < m[0].length) out.push([m.index + lead, m.index + m[0].length - trail]);
  }
  return out;
}

describe('plain text paragraphs', () => {
  it('are the trimmed runs between line breaks, whatever mix of LF, CR and CRLF ends them', () => {
    const { pick } = randomText(3, '甲乙 \u3000\r\n\n\u2028\u00a0丙');
    for (let round = 0; round < 200; round++) {
      const text = pick(80);
      expect(parsePlainText(text).blocks.map((b) => [b.start, b.end]), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('reads a text without line breaks, and one of line breaks only', () => {
    expect(parsePlainText('  全年完成投资5亿元。 ').blocks).toEqual([{ start: 2, end: 12, kind: 'paragraph' }]);
    expect(parsePlainText('\r\n\n\r').blocks).toEqual([]);
  });
});
