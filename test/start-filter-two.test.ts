import { describe, expect, it } from 'vitest';
import { sharedFilter, StartFilter } from '../src/checkers/start-filter.js';
import { randomText } from './helpers/random-text.js';

// A file of its own: the pass for exactly two members (the built-in rules' case) is taken only when
// the process holds two, and the other file's tests make more.
describe('shared start filters, two members', () => {
  it('give each member the positions its own filter passes', () => {
    const { rand, pick } = randomText(9, '甲乙丙丁戊己庚辛壬癸');
    const lists = [0, 1].map(() => Array.from({ length: 3 }, () => pick(1 + rand(3))));
    const members = lists.map((words, k) => sharedFilter(`two-${k}`, (f) => words.forEach((w) => f.add(w))));
    for (let round = 0; round < 10; round++) {
      const text = pick(200);
      members.forEach((m, k) => {
        const plain = new StartFilter();
        for (const w of lists[k]) plain.add(w);
        const expected = [...Array(text.length).keys()].filter((i) => plain.passes(text, i));
        expect(m.positions(text), `${k} ${text}`).toEqual(expected);
      });
    }
  });
});
