import { parseChineseInteger } from '../model/numerals.js';
import type { Checker } from './types.js';
import { chineseNumeral } from './util.js';

const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };
/** 一是 / 第一， / 首先, each after a sentence or clause boundary (or at a line start). */
const MARKER = /(?=[一二三四五六七八九十第首其再])(?<=^|[。；;：:，,！？!?）)”\s\u3000])(?:(?<shi>[一二三四五六七八九十]{1,3})是|第(?<di>[一二三四五六七八九十]{1,3})(?=[，,、：:])|(?<word>首先|其次|再次)(?=[，,：:是]))/gmu;

function label(family: string, value: number): string {
  if (family === 'shi') return `${chineseNumeral(value)}是`;
  if (family === 'di') return `第${chineseNumeral(value)}`;
  return Object.keys(SEQUENCE_WORDS).find((k) => SEQUENCE_WORDS[k] === value) ?? String(value);
}

/**
 * Enumerations written into the prose — 一是…二是…三是, 第一，第二，, 首先…其次…再次 — must count
 * on without gaps or repeats within their section (a heading starts a new count). A run that starts
 * again at one is a new enumeration, and an outer enumeration may resume after an inner one.
 */
export const enumerationChecker: Checker = {
  type: 'enumeration',
  compile() {
    return (model, emit) => {
      const { content } = model;
      const breaks = model.headings.map((h) => h.start);
      let bi = 0;
      // Per family, the open enumerations, innermost last: an inner 一是…十是 inside an outer 七是 ends
      // when the outer one resumes with 八是.
      let lists = new Map<string, Array<{ value: number; raw: string }>>();
      MARKER.lastIndex = 0;
      for (let m = MARKER.exec(content); m; m = MARKER.exec(content)) {
        let moved = false;
        while (bi < breaks.length && breaks[bi] <= m.index) {
          bi++;
          moved = true;
        }
        if (moved) lists = new Map();
        const g = m.groups!;
        const family = g.shi ? 'shi' : g.di ? 'di' : 'word';
        const value = g.word ? SEQUENCE_WORDS[g.word] : parseChineseInteger(g.shi ?? g.di)!;
        if (!value) continue;
        const open = lists.get(family) ?? [];
        lists.set(family, open);
        const prev = open[open.length - 1];
        const item = { value, raw: m[0] };
        if (!prev || value === 1) {
          open.push(item);
          continue;
        }
        const resumed = open.findLastIndex((l) => l.value + 1 === value);
        if (resumed >= 0) {
          open.length = resumed;
          open.push(item);
          continue;
        }
        open[open.length - 1] = item;
        emit({
          start: m.index,
          end: m.index + m[0].length,
          evidence: { found: m[0], previous: prev.raw, expected: label(family, prev.value + 1), problem: value === prev.value ? 'repeated' : value > prev.value ? 'skipped' : 'backward' },
        });
      }
    };
  },
};
