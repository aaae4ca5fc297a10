import type { Bilingual } from '../rules/definition.js';
import type { Checker, Hit } from './types.js';
import type { Span } from '../types.js';
import { addressSpans, capped, replaceUnits } from './util.js';
import { codeTable, REGEX_SPACES } from '../model/chars.js';

const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '【': '】', '「': '」', '『': '』', '〔': '〕' };
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));
/** Round brackets match across widths: （一) is a width problem (punctuation-width), not an unclosed one. */
const SAME_FAMILY: Record<string, string> = { ')': '）', '）': '）' };

const MESSAGES: Record<'unclosed' | 'unopened' | 'mismatch' | 'habit' | 'tooMany', Bilingual> = {
  tooMany: {
    zh: '本文成对标点不配对之处过多（共{count}处），以上只列出前{shown}处；文本可能来自 OCR 识别或格式转换，请整体校对',
    en: 'Too many unbalanced pairs in this document ({count}); only the first {shown} are listed. The text may come from OCR or a conversion: proofread it as a whole',
  },
  habit: {
    zh: '“{open}”与“{mark}”不配对，应为“{expected}”（全文共{count}处，--fix 可一并修正）',
    en: '"{open}" is closed by "{mark}"; expected "{expected}" ({count} times in the document; --fix corrects them all)',
  },
  unclosed: { zh: '“{mark}”在本段中没有对应的“{expected}”', en: '"{mark}" is not closed by "{expected}" within the paragraph' },
  unopened: { zh: '“{mark}”在本段中没有对应的前半个符号', en: '"{mark}" has no opening counterpart within the paragraph' },
  mismatch: { zh: '“{open}”与“{mark}”不配对，应为“{expected}”', en: '"{open}" is closed by "{mark}"; expected "{expected}"' },
};

/** Code units worth a look; everything else is skipped without building a one-character string. */
const INTERESTING = new Uint8Array(0x10000);
for (const c of [...Object.keys(OPEN_TO_CLOSE), ...CLOSERS, '"', '\n', '\r']) INTERESTING[c.charCodeAt(0)] = 1;
/** Each mark as a string, by code unit: content[i] made a new string for every mark outside Latin-1 (2 MB per corpus pass). */
const MARK = new Map([...Object.keys(OPEN_TO_CLOSE), ...CLOSERS, '"'].map((c) => [c.charCodeAt(0), c]));

/** Sentence ends; a paragraph that stops anywhere else with a mark open was cut and goes on in the next one. */
const LINE_END = new Set([...'。！？!?；;…']);
/** The same mismatch this many times in a document is a habit (every “…" closed straight): one finding. */
const HABIT = 3;
/** Beyond this many, a document's pairs are broken wholesale (OCR, a conversion): say so once instead. */
const MAX_REPORTED = 20;

/** What /[\s\u3000·]/ matches, by code unit: a regex test of each neighbour of every quotation mark cost 1 ms per corpus pass. */
const FREE = codeTable(`${REGEX_SPACES}·`);
/** Whether content[i] is a space or a middle dot, or lies outside the text. */
const freeAt = (content: string, i: number) => i < 0 || i >= content.length || FREE[content.charCodeAt(i)] === 1;

/** A list marker such as `1）` or `a)` at a line start closes nothing. */
const LIST_MARKER = /^[\s\u3000]*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/;

/**
 * Paired punctuation (GB/T 15834-2011 §4.1, §4.9, §4.10, §4.15) balanced within each paragraph: a
 * stack per paragraph; an opening mark left open, a closing mark with nothing to close, and a
 * closing mark of the wrong kind (“六五’, “…") are each reported once. A paragraph that stops
 * mid-sentence with a mark open (a line cut by PDF or web extraction) continues into the next.
 */
export const pairsChecker: Checker = {
  type: 'pairs',
  compile() {
    return (model, report) => {
      const { emit, flush } = capped(report, MAX_REPORTED, MESSAGES.tooMany);
      const scan = new PairScan(model.content, addressSpans(model.content), emit);
      const { paragraphs } = model;
      for (let k = 0; k < paragraphs.length; k++) scan.paragraph(paragraphs[k].start, paragraphs[k].end, k + 1 < paragraphs.length);
      reportMismatches(model.text, scan.mismatches, emit);
      flush();
    };
  },
};

/** Reused by interestingPositions: most paragraphs hold few marks. */
const FOUND: number[] = [];

/**
 * The positions in [start, end) of the marks this rule reads and of line breaks. The one loop over
 * every character, and nothing else: V8 compiles a loop this small once, where the loop with the
 * rule's branches in it was compiled again each time a rare branch was first taken.
 */
function interestingPositions(content: string, start: number, end: number): number[] {
  FOUND.length = 0;
  for (let i = start; i < end; i++) if (INTERESTING[content.charCodeAt(i)] === 1) FOUND.push(i);
  return FOUND;
}

interface Open {
  mark: string;
  at: number;
}

/** One document's marks, a paragraph at a time. */
class PairScan {
  readonly mismatches: Mismatch[] = [];
  private stack: Open[] = [];
  /** The next address span that may hold a position: marks inside addresses are not pairs. */
  private si = 0;

  constructor(
    private readonly content: string,
    private readonly skip: readonly Span[],
    private readonly emit: (hit: Hit) => void,
  ) {}

  /** `continues`: another paragraph follows, which a paragraph cut mid-sentence goes on into. */
  paragraph(start: number, end: number, continues: boolean): void {
    const { content } = this;
    let lineStart = start;
    for (const i of interestingPositions(content, start, end)) {
      const code = content.charCodeAt(i);
      if (code === 10 || code === 13) {
        lineStart = i + 1;
        continue;
      }
      const c = MARK.get(code)!;
      if (!this.inAddress(i) && !this.notAPair(c, i)) this.mark(c, i, lineStart);
    }
    // A line cut mid-sentence (text extracted from PDF or web pages) goes on in the next paragraph.
    if (continues && this.stack.length > 0 && !LINE_END.has(content[end - 1])) return;
    for (const open of this.stack) {
      this.emit({ start: open.at, end: open.at + 1, message: MESSAGES.unclosed, evidence: { mark: open.mark, expected: OPEN_TO_CLOSE[open.mark] ?? '"' } });
    }
    this.stack = [];
  }

  private inAddress(i: number): boolean {
    const { skip } = this;
    while (this.si < skip.length && skip[this.si].end <= i) this.si++;
    return this.si < skip.length && skip[this.si].start <= i;
  }

  private notAPair(c: string, i: number): boolean {
    const { content } = this;
    // 》》…《《 is page furniture (web-residue), not a pair.
    if ((c === '《' || c === '》') && (content[i + 1] === c || content[i - 1] === c)) return true;
    // A quotation mark standing free between spaces is OCR debris (leader dots read as “), not a quote.
    return quoteLike(c) && freeAt(content, i + 1) && freeAt(content, i - 1);
  }

  private mark(c: string, i: number, lineStart: number): void {
    const { stack } = this;
    if (c in OPEN_TO_CLOSE) {
      stack.push({ mark: c, at: i });
    } else if (c === '"') {
      // Straight quotes open and close alike: one closes a straight quote or (wrongly) a “.
      const top = stack[stack.length - 1];
      if (top?.mark === '"') stack.pop();
      else if (top?.mark === '“') {
        stack.pop();
        this.mismatches.push({ open: top.at, close: i, mark: '"', expected: '”' });
      } else stack.push({ mark: c, at: i });
    } else if (CLOSERS.has(c)) {
      this.close(c, i, lineStart);
    }
  }

  private close(c: string, i: number, lineStart: number): void {
    const { content, stack } = this;
    // An apostrophe inside a Latin word (China’s) is not a quotation mark.
    if (c === '’' && /[A-Za-z]/.test(content[i - 1] ?? '') && /[A-Za-z]/.test(content[i + 1] ?? '')) return;
    const top = stack[stack.length - 1];
    const family = SAME_FAMILY[c] ?? c;
    if (top && (SAME_FAMILY[OPEN_TO_CLOSE[top.mark]] ?? OPEN_TO_CLOSE[top.mark]) === family) {
      stack.pop();
    } else if (top && quoteLike(top.mark) && quoteLike(c)) {
      stack.pop();
      this.mismatches.push({ open: top.at, close: i, mark: c, expected: OPEN_TO_CLOSE[top.mark] });
    } else if (!((c === ')' || c === '）') && i - lineStart <= 6 && LIST_MARKER.test(content.slice(lineStart, i)))) {
      this.emit({ start: i, end: i + 1, message: MESSAGES.unopened, evidence: { mark: c } });
    }
  }
}

interface Mismatch {
  open: number;
  close: number;
  mark: string;
  expected: string;
}

/**
 * A closing mark of the wrong kind after a “ is a typo for ” (the double quotation mark is the one
 * in use), so the fix replaces it; after ‘ it is unclear which half is wrong, and no fix is offered.
 * A habit (the same mismatch again and again) is one finding whose fix corrects every instance.
 */
function reportMismatches(text: string, mismatches: Mismatch[], emit: (hit: Hit) => void): void {
  const groups = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    const key = text[m.open] + m.mark;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  for (const group of groups.values()) {
    const fixable = text[group[0].open] === '“';
    const fixFor = (ms: Mismatch[]) => {
      if (!fixable) return undefined;
      const first = ms[0].close;
      const last = ms[ms.length - 1].close;
      return { start: first, end: last + 1, text: replaceUnits(text, first, last + 1, ms.map((m) => ({ at: m.close, text: m.expected }))) };
    };
    const evidence = (m: Mismatch, count: number) => ({ open: text[m.open], mark: m.mark, expected: m.expected, count });
    if (group.length >= HABIT) {
      const m = group[0];
      emit({ start: m.open, end: m.close + 1, message: MESSAGES.habit, evidence: evidence(m, group.length), fix: fixFor(group) });
      continue;
    }
    for (const m of group) emit({ start: m.open, end: m.close + 1, message: MESSAGES.mismatch, evidence: evidence(m, 1), fix: fixFor([m]) });
  }
}

function quoteLike(c: string): boolean {
  return c === '“' || c === '‘' || c === '”' || c === '’';
}
