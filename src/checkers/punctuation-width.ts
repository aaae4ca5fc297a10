import type { Checker } from './types.js';
import { codeTable, isCjkCode } from '../model/chars.js';
import { addressSpans, latinSpans } from './util.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };
const ORDINAL_INSIDE = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}|\d{1,2}|[-－—])[\s\u3000]*$/;
/** Code units of the marks this rule converts: the loop skips every other character cheaply. */
const CANDIDATE = new Uint8Array(128);
for (const c of Object.keys(FULL)) CANDIDATE[c.charCodeAt(0)] = 1;
CANDIDATE[0x22] = 1;
const QUOTE = 0x22;
const OPEN_CURLY = 0x201c;
const CLOSE_CURLY = 0x201d;

// The neighbours of each mark are tested by code unit: reading them as strings made a new string for
// every Chinese neighbour, most of what this rule allocated.
/** Marks next to which a mark is part of a run (duplicate-punctuation's). */
const ANY_PUNCT = codeTable(',;:?!.，；：？！。、');
/** Closing brackets and quotes the rule looks through for the character a mark follows. */
const CLOSERS = codeTable(')）”’"');
/** After these a full stop ends a sentence, not a number. */
const SENTENCE_END = codeTable('%％‰)）”’');
const CHINESE_QUOTES = codeTable('“”‘’…—');

/** Chinese characters, Chinese punctuation and quotes: Chinese context on either side. */
function chinese(code: number): boolean {
  return (
    isCjkCode(code) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    CHINESE_QUOTES[code] === 1
  );
}
const digit = (code: number) => code >= 0x30 && code <= 0x39;
const latin = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Half-width , ; : ? ! . ( ) in Chinese text (GB/T 15834-2011 §3, §4: Chinese punctuation is
 * full-width). A mark counts when Chinese text is on one side of it (for the full stop, before it
 * and the paragraph or Chinese text after it); numbers (1,000, 3.5, 10:30), addresses, Latin
 * phrases, runs of marks (duplicate-punctuation's) and heading ordinals (heading-ordinal-format's)
 * are left alone. Brackets go by pairs: both become full-width when either side or the inside is
 * Chinese. A file typed with half-width marks throughout has hundreds: one finding per paragraph,
 * whose fix converts them all.
 */
export const punctuationWidthChecker: Checker = {
  type: 'punctuation-width',
  compile() {
    return (model, emit) => {
      const { content } = model;
      const skip = new Uint8Array(content.length);
      for (const s of addressSpans(content)) skip.fill(1, s.start, s.end);
      for (const s of latinSpans(content)) skip.fill(1, s.start, s.end);
      for (const h of model.headings) if (h.ordinal) skip.fill(1, h.ordinal.start, h.ordinal.end);

      const opens: number[] = [];
      /** Straight quotes that open a pair: they become “, their partners ”. */
      const openQuotes = new Set<number>();
      for (const p of model.paragraphs) {
        // Positions of the marks to convert, in the order found; a bracket pair puts its opening one
        // after the marks inside it. Most paragraphs have none: the array is made on the first.
        let changes: number[] | undefined;
        let ordered = true;
        opens.length = 0;
        openQuotes.clear();
        let inQuote = false;
        let straightOpen = -1;
        for (let i = p.start; i < p.end; i++) {
          const code = content.charCodeAt(i);
          if (code === OPEN_CURLY || code === CLOSE_CURLY) {
            inQuote = code === OPEN_CURLY;
            straightOpen = -1;
            continue;
          }
          if (code >= 128 || !CANDIDATE[code] || skip[i]) continue;
          const c = content[i];
          // NaN before the text's start and after its end: no predicate holds for it.
          const prev = content.charCodeAt(i - 1);
          const next = content.charCodeAt(i + 1);
          if (c === '(') {
            opens.push(i);
            continue;
          }
          if (code === QUOTE) {
            // Straight quotes pair with each other; one that meets a curly partner (“十四五") is a mismatched
            // pair, unbalanced-pair's to report. A straight pair with Chinese text inside or beside it becomes “”.
            if (!inQuote) {
              inQuote = true;
              straightOpen = i;
            } else {
              inQuote = false;
              const o = straightOpen;
              straightOpen = -1;
              if (o >= 0 && (chinese(content.charCodeAt(o - 1)) || chinese(content.charCodeAt(o + 1)) || chinese(prev) || chinese(next))) {
                changes ??= [];
                if (changes.length > 0 && changes[changes.length - 1] > o) ordered = false;
                changes.push(o, i);
                openQuotes.add(o);
              }
            }
            continue;
          }
          if (c === ')') {
            const o = opens.pop();
            if (o === undefined) continue;
            const inside = content.slice(o + 1, i);
            // (二) is an ordinal whether or not the model took it for a heading: heading-ordinal-format's.
            if (/[\r\n]/.test(inside) || ORDINAL_INSIDE.test(inside)) continue;
            if (chinese(content.charCodeAt(o - 1)) || chinese(next) || /[\u3400-\u9fff]/.test(inside)) {
              changes ??= [];
              if (changes.length > 0 && changes[changes.length - 1] > o) ordered = false;
              changes.push(o, i);
            }
            continue;
          }
          if (ANY_PUNCT[prev] || ANY_PUNCT[next]) continue;
          // Look through closing brackets and quotes for the character the mark follows.
          let b = i - 1;
          while (b >= p.start && CLOSERS[content.charCodeAt(b)]) b--;
          const before = content.charCodeAt(b);
          if (digit(before) && digit(next)) continue; // 1,000  3.5  10:30
          if (c === '.') {
            // A full stop only after Chinese, at the paragraph's end or before Chinese text.
            // After a percent sign or a closing bracket or quote a full stop ends a sentence, not a number.
            const afterText = isCjkCode(before) || SENTENCE_END[prev] === 1;
            if (!afterText || !(i + 1 >= p.end || chinese(next) || /\s/.test(content.charAt(i + 1)))) continue;
          } else if (!chinese(before) && !chinese(next)) {
            continue;
          }
          if (latin(before) && (latin(next) || next === 0x20) && !chinese(next)) continue;
          (changes ??= []).push(i);
        }
        if (!changes) continue;
        const positions = ordered ? changes : changes.sort((a, b) => a - b);
        const first = positions[0];
        const lastPos = positions[positions.length - 1];
        const chars = [...new Set(positions.map((i) => content[i]))].join(' ');
        const full = (i: number) => (content.charCodeAt(i) === QUOTE ? (openQuotes.has(i) ? '“' : '”') : FULL[content[i]]);
        // Slices between the changed marks: one string per change, not one per character.
        let text = '';
        let from = first;
        for (const i of positions) {
          text += model.text.slice(from, i) + full(i);
          from = i + 1;
        }
        emit({ start: first, end: first + 1, evidence: { count: positions.length, chars }, fix: { start: first, end: lastPos + 1, text } });
      }
    };
  },
};
