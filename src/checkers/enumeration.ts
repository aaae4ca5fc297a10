import { parseChineseInteger } from '../model/numerals.js';
import type { Checker } from './types.js';
import { chineseNumeral } from './util.js';

const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };
/** 一是 / 第一， / 首先, each after a sentence or clause boundary (a line break is a space) or at the text's start. */
const ITEM = '(?:(?<shi>[一二三四五六七八九十]{1,3})是|第(?<di>[一二三四五六七八九十]{1,3})(?=[，,、：:])|(?<word>首先|其次|再次)(?=[，,：:是]))';
// The boundary is matched rather than looked behind for: the lookbehind ran at every 一, 第 and 其 of
// the text (3x slower). It is one code unit and never a marker's last character, so taking it into
// the match cannot hide the next marker.
const AFTER_BOUNDARY = new RegExp(`[。；;：:，,！？!?）)”\\s\\u3000]${ITEM}`, 'gu');
const AT_START = new RegExp(ITEM, 'uy');

interface Marker {
  index: number;
  text: string;
  groups: NonNullable<RegExpExecArray['groups']>;
}

function* markers(content: string): Generator<Marker> {
  AT_START.lastIndex = 0;
  const first = AT_START.exec(content);
  if (first) yield { index: 0, text: first[0], groups: first.groups! };
  AFTER_BOUNDARY.lastIndex = first ? first[0].length : 0;
  for (let m = AFTER_BOUNDARY.exec(content); m; m = AFTER_BOUNDARY.exec(content)) yield { index: m.index + 1, text: m[0].slice(1), groups: m.groups! };
}

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
      for (const m of markers(content)) {
        let moved = false;
        while (bi < breaks.length && breaks[bi] <= m.index) {
          bi++;
          moved = true;
        }
        if (moved) lists = new Map();
        const g = m.groups;
        const family = g.shi ? 'shi' : g.di ? 'di' : 'word';
        const value = g.word ? SEQUENCE_WORDS[g.word] : parseChineseInteger(g.shi ?? g.di)!;
        if (!value) continue;
        const open = lists.get(family) ?? [];
        lists.set(family, open);
        const prev = open[open.length - 1];
        const item = { value, raw: m.text };
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
          end: m.index + m.text.length,
          evidence: { found: m.text, previous: prev.raw, expected: label(family, prev.value + 1), problem: value === prev.value ? 'repeated' : value > prev.value ? 'skipped' : 'backward' },
        });
      }
    };
  },
};
