import fc from 'fast-check';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, loadStringWidth, StringWidthNeeded } from '../src/report/width.js';

// Characters from every range the table covers, its edges, and the neighbours it leaves to string-width.
const CHARS = [...'aZ ~，。、；：？！“”‘’…—（）《》【】「」％＋０９ＡＺ镇村㐀龥豈※‰①⒵ⅠⅫぁゖァヺㄅ\u3000\u00a0\u00ad\u00b7\u00d7'];
const OTHERS = [...'\u0301\u200b\u200d\ufe0f\u3030\u303d\u24c2\u203c\u302a\u3099\uff61\t\n\u1100\u1161', '😀', '👍🏽', '1\u20e3', '\ud800'];

describe('displayWidth before string-width is loaded', () => {
  // Runs before the block below loads it: Chinese and ASCII are measured without it, an emoji is not.
  it('asks for string-width only for text the table cannot measure', () => {
    expect(displayWidth('镇XX村，')).toBe(8);
    expect(() => displayWidth('村😀')).toThrow(StringWidthNeeded);
  });
});

describe('displayWidth', () => {
  beforeAll(loadStringWidth);

  it('counts terminal columns as string-width does', () => {
    const char = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHERS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }) });
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with string-width on every character of the BMP taken alone', () => {
    const wrong: string[] = [];
    for (let c = 0x20; c < 0xd800; c++) {
      const s = String.fromCharCode(c);
      if (displayWidth(s) !== stringWidth(s)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts Chinese as two columns and ASCII as one', () => {
    expect(displayWidth('镇XX村，')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });
});
