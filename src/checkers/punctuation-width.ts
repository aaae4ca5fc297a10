import type { Checker, Hit } from './types.js';
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

/** The code unit at `i`, or 0 outside the text: no predicate holds for it, as for a NUL. */
const codeAt = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);

/** One paragraph's marks to convert: their positions, ascending, or undefined when there are none. */
interface ParagraphMarks {
  positions: number[];
  /** Straight quotes that open a pair: they become “, their partners ”. */
  openQuotes: Set<number>;
}

/** Reused by markPositions: most paragraphs have no mark to look at. */
const FOUND: number[] = [];

/**
 * The positions in [start, end) of the marks this rule converts (outside skipped spans) and of curly
 * quotes, which end a straight quote's pairing. The one loop over every character, and nothing else:
 * V8 compiles a loop this small once, where the loop with the rule's branches in it was compiled
 * again each time a rare branch was first taken.
 */
function markPositions(content: string, start: number, end: number, skip: Uint8Array): number[] {
  FOUND.length = 0;
  for (let i = start; i < end; i++) {
    const code = content.charCodeAt(i);
    if (code === OPEN_CURLY || code === CLOSE_CURLY || (code < 128 && CANDIDATE[code] === 1 && skip[i] === 0)) FOUND.push(i);
  }
  return FOUND;
}

/** The marks of [start, end) to convert. */
function paragraphMarks(content: string, start: number, end: number, skip: Uint8Array): ParagraphMarks | undefined {
  const found = markPositions(content, start, end, skip);
  if (found.length === 0) return undefined;
  // Positions in the order found; a bracket pair puts its opening one after the marks inside it.
  let changes: number[] | undefined;
  let ordered = true;
  let opens: number[] | undefined;
  let openQuotes: Set<number> | undefined;
  let inQuote = false;
  let straightOpen = -1;
  for (const i of found) {
    const code = content.charCodeAt(i);
    if (code === OPEN_CURLY || code === CLOSE_CURLY) {
      inQuote = code === OPEN_CURLY;
      straightOpen = -1;
      continue;
    }
    const prev = codeAt(content, i - 1);
    const next = codeAt(content, i + 1);
    if (code === 0x28) {
      (opens ??= []).push(i);
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
        if (o >= 0 && (chinese(codeAt(content, o - 1)) || chinese(codeAt(content, o + 1)) || chinese(prev) || chinese(next))) {
          changes ??= [];
          if (changes.length > 0 && changes[changes.length - 1] > o) ordered = false;
          changes.push(o, i);
          (openQuotes ??= new Set()).add(o);
        }
      }
      continue;
    }
    if (code === 0x29) {
      const o = opens?.pop();
      if (o === undefined || !bracketsConvert(content, o, i, next)) continue;
      changes ??= [];
      if (changes.length > 0 && changes[changes.length - 1] > o) ordered = false;
      changes.push(o, i);
      continue;
    }
    if (ANY_PUNCT[prev] === 1 || ANY_PUNCT[next] === 1) continue;
    // Look through closing brackets and quotes for the character the mark follows.
    let b = i - 1;
    while (b >= start && CLOSERS[content.charCodeAt(b)] === 1) b--;
    const before = codeAt(content, b);
    if (digit(before) && digit(next)) continue; // 1,000  3.5  10:30
    if (code === 0x2e) {
      // A full stop only after Chinese, at the paragraph's end or before Chinese text.
      // After a percent sign or a closing bracket or quote a full stop ends a sentence, not a number.
      const afterText = isCjkCode(before) || SENTENCE_END[prev] === 1;
      if (!afterText || !(i + 1 >= end || chinese(next) || /\s/.test(content.charAt(i + 1)))) continue;
    } else if (!chinese(before) && !chinese(next)) {
      continue;
    }
    if (latin(before) && (latin(next) || next === 0x20) && !chinese(next)) continue;
    (changes ??= []).push(i);
  }
  if (!changes) return undefined;
  return { positions: ordered ? changes : changes.sort((a, b) => a - b), openQuotes: openQuotes ?? new Set() };
}

/** Whether the brackets at `open` and `close` become full-width: Chinese beside or inside them. */
function bracketsConvert(content: string, open: number, close: number, next: number): boolean {
  const inside = content.slice(open + 1, close);
  // (二) is an ordinal whether or not the model took it for a heading: heading-ordinal-format's.
  if (/[\r\n]/.test(inside) || ORDINAL_INSIDE.test(inside)) return false;
  return chinese(codeAt(content, open - 1)) || chinese(next) || /[\u3400-\u9fff]/.test(inside);
}

/** The finding for one paragraph's marks: at the first, with a fix that converts them all. */
function paragraphFinding(content: string, text: string, { positions, openQuotes }: ParagraphMarks): Hit {
  const first = positions[0];
  const lastPos = positions[positions.length - 1];
  const chars = [...new Set(positions.map((i) => content[i]))].join(' ');
  const full = (i: number) => (content.charCodeAt(i) === QUOTE ? (openQuotes.has(i) ? '“' : '”') : FULL[content[i]]);
  // Slices between the changed marks: one string per change, not one per character.
  let fixed = '';
  let from = first;
  for (const i of positions) {
    fixed += text.slice(from, i) + full(i);
    from = i + 1;
  }
  return { start: first, end: first + 1, evidence: { count: positions.length, chars }, fix: { start: first, end: lastPos + 1, text: fixed } };
}

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
      for (const p of model.paragraphs) {
        const marks = paragraphMarks(content, p.start, p.end, skip);
        if (marks) emit(paragraphFinding(content, model.text, marks));
      }
    };
  },
};
