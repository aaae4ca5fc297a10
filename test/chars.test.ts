import { describe, expect, it } from 'vitest';
import { isSpaceChar, isSpaceCode, REGEX_SPACES } from '../src/model/chars.js';

describe('character tables', () => {
  it('a space is what /[\\s\\u200b]/ matches, less \\n and \\r, for every code unit', () => {
    const differ: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      const expected = /[\s\u200b]/.test(c) && c !== '\n' && c !== '\r';
      if (isSpaceCode(u) !== expected || isSpaceChar(c) !== expected) differ.push(u.toString(16));
    }
    expect(differ).toEqual([]);
    expect(isSpaceChar(undefined)).toBe(false);
    expect(isSpaceCode(Number.NaN)).toBe(false);
  });

  it('REGEX_SPACES holds exactly what /\\s/ matches', () => {
    const differ: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      if (REGEX_SPACES.includes(c) !== /\s/.test(c)) differ.push(u.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
