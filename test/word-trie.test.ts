import { describe, expect, it } from 'vitest';
import { WordTrie } from '../src/checkers/word-trie.js';
import { randomText } from './helpers/random-text.js';

function found(trie: WordTrie<string>, text: string): string[] {
  const out: string[] = [];
  trie.scan(text, (start, end, values) => out.push(`${start}-${end}:${values.join('/')}`));
  return out;
}

function naive(words: string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++)
    for (let end = i + 1; end <= text.length; end++) {
      const hit = words.filter((w) => w === text.slice(i, end));
      if (hit.length) out.push(`${i}-${end}:${hit.join('/')}`);
    }
  return out;
}

function trieOf(words: string[]): WordTrie<string> {
  const trie = new WordTrie<string>();
  for (const w of words) trie.add(w, w);
  return trie;
}

describe('WordTrie', () => {
  it('finds one-unit words, overlapping words, a word at the very end and astral characters, by start then length', () => {
    const words = ['於', '计生委', '卫生计生委', '生计', '𠀋字', '末尾'];
    const text = '县卫生计生委於𠀋字今年末尾';
    expect(found(trieOf(words), text)).toEqual(naive(words, text));
    expect(found(trieOf(words), text)).toContain('1-6:卫生计生委');
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    const { rand, pick } = randomText(7, '按装布署付已己帐账截止至做作出');
    for (let round = 0; round < 20; round++) {
      const words = [...new Set(Array.from({ length: 12 }, () => pick(1 + rand(4))))];
      const text = pick(400);
      expect(found(trieOf(words), text)).toEqual(naive(words, text));
    }
  });

  it('finds every word of a list large enough to grow the edge table several times', () => {
    const { rand, pick } = randomText(11, '子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛');
    const words = [...new Set(Array.from({ length: 3000 }, () => pick(2 + rand(4))))];
    const trie = trieOf(words);
    for (let round = 0; round < 5; round++) {
      const text = pick(300);
      expect(found(trie, text)).toEqual(naive(words, text));
    }
  });

  it('a trie built after another one searched the same text still finds its own words', () => {
    // Characters no other test of this file uses: the first search's pass knows nothing of 庚辛.
    const text = '甲乙丙丁戊庚辛壬癸';
    expect(found(trieOf(['乙丙']), text)).toEqual(['1-3:乙丙']);
    // The second trie's words widen the shared pass: what was kept for this text is stale.
    expect(found(trieOf(['庚辛', '癸']), text)).toEqual(['5-7:庚辛', '8-9:癸']);
  });
});
