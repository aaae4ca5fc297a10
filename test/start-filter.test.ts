import { describe, expect, it } from 'vitest';
import { sharedFilter, StartFilter } from '../src/checkers/start-filter.js';
import { randomText } from './helpers/random-text.js';

/** The positions of `text` that a plain filter of `words` passes, one at a time. */
function passing(words: string[], text: string): number[] {
  const plain = new StartFilter();
  for (const w of words) plain.add(w);
  return [...text].map((_, i) => i).filter((i) => i < text.length && plain.passes(text, i));
}

describe('shared start filters', () => {
  it('give each member the positions its own filter passes, from one pass for all of them', () => {
    const { rand, pick } = randomText(5, '子丑寅卯辰巳午未申酉戌亥');
    const lists = [0, 1, 2].map(() => Array.from({ length: 4 }, () => pick(1 + rand(3))));
    const members = lists.map((words, k) => sharedFilter(`test-members-${k}`, (f) => words.forEach((w) => f.add(w))));
    for (let round = 0; round < 10; round++) {
      const text = pick(300);
      members.forEach((m, k) => expect(m.positions(text), `${k} ${text}`).toEqual(passing(lists[k], text)));
    }
  });

  it('a word added after a pass is found in the same text again', () => {
    const text = '乾坤震巽坎离艮兑';
    const a = sharedFilter('test-late-a', (f) => f.add('坤震'));
    expect(a.positions(text)).toEqual([1]);
    const b = sharedFilter('test-late-b', (f) => f.add('艮'));
    expect(b.positions(text)).toEqual([6]);
    a.add('兑');
    expect(a.positions(text)).toEqual([1, 7]);
  });

  it('one filter per key: compiling a rule again adds no member to the pass', () => {
    const first = sharedFilter('test-key', (f) => f.add('甲子'));
    let filled = false;
    const again = sharedFilter('test-key', () => (filled = true));
    expect(again).toBe(first);
    expect(filled).toBe(false);
  });
});
