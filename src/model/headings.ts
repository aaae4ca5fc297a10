import type { Block } from '../parse/blocks.js';
import type { Span } from '../types.js';
import { codeTable, isSpaceCode, SENTENCE_END } from './chars.js';
import { LineBreaks } from './line-breaks.js';
import { parseChineseInteger } from './numerals.js';

/**
 * The four ordinal levels of GB/T 9704-2012 §7.3.3: 一、 / （一） / 1. / （1）.
 * `style` names the form found; a form with the wrong punctuation (一. 1、 （一）、) still gets its
 * level so that the tree holds, and the rule pack reports the form.
 */
export type OrdinalStyle = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren';

export interface Ordinal {
  /** The ordinal as written, e.g. `（一）`, `(-)`, `1．`. */
  raw: string;
  start: number;
  end: number;
  style: OrdinalStyle;
  /** Numeric value; for a garbled ordinal such as `(-)` the value the sequence expected. */
  value: number;
  /** True when the value was inferred from the sequence because the numeral is garbled (`(-)`). */
  inferred: boolean;
  /** Punctuation after the numeral: `、` `.` `．` for 一、 and 1.; extra punctuation after a bracketed ordinal. */
  punct: string;
}

export interface Heading {
  start: number;
  end: number;
  /** 1–4 for ordinals (GB/T 9704 levels); the `#` depth for a Markdown heading without an ordinal. */
  level: number;
  kind: 'ordinal' | 'markdown';
  ordinal?: Ordinal;
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Found inside a line (text extracted from PDF or web pages) rather than at its start. */
  inline: boolean;
  /** The heading is the whole line. */
  standalone: boolean;
}

export interface HeadingScan {
  headings: Heading[];
  /** Page numbers such as `7、` left at line starts by a scraper, cutting a sentence in two. */
  pageMarkers: Span[];
}

interface Line {
  start: number;
  end: number;
  block: Block;
}

const CN = '一二三四五六七八九十';
const SP = '[ \\t\\u3000\\u2002\\u2003\\u00a0]*';
// One alternative per ordinal form; the named group says which matched.
const ORDINAL_SOURCE =
  `(?<cnParen>[（(]${SP}(?:[${CN}]{1,3}|[-－—])${SP}[）)](?:、|[.．](?!\\d))?)` +
  `|(?<arParen>[（(]${SP}\\d{1,2}${SP}[）)](?:、|[.．](?!\\d))?)` +
  `|(?<cnDun>[${CN}]{1,3}${SP}(?:、|[.．](?!\\d))(?![${CN}]{1,3}(?:[、，]|季度|产业|类|级|线)))` +
  `|(?<arDot>\\d{1,2}${SP}[.．、](?![\\d.．%％]))`;
// 一， and 一： are top-level ordinals only at the start of a line that is a short title (一，经济发展情况):
// in running text a comma after a numeral is a list (一，二，三).
const CN_COMMA_SOURCE = `(?<cnComma>[${CN}]{1,3}${SP}[，,：:])(?=[^，,。；;：:！？!?]{2,30}$)`;
// （一）： and 1： likewise, at the start of a short title line (（一）：经济运行, 1：工业生产); 1:30 and 2：1 are not.
const COLON_SOURCE =
  `(?<cnParenColon>[（(]${SP}[${CN}]{1,3}${SP}[）)]${SP}[：:])(?=[^，,。；;：:！？!?]{2,30}$)` +
  `|(?<arParenColon>[（(]${SP}\\d{1,2}${SP}[）)]${SP}[：:])(?=[^，,。；;：:！？!?]{2,30}$)` +
  `|(?<arColon>\\d{1,2}${SP}[：:])(?=[^\\d\\s，,。；;：:！？!?][^，,。；;：:！？!?]{1,29}$)`;
// 1） and 一） without their opening bracket: a line-start form of （1） and （一）; inside a line a
// lone closing bracket ends a parenthesis (详见附件1）).
const HALF_SOURCE = `(?<cnHalf>[${CN}]{1,3}${SP}[）)])|(?<arHalf>\\d{1,2}${SP}[）)])`;
const AT_START = new RegExp(`^(?:${COLON_SOURCE}|${ORDINAL_SOURCE}|${CN_COMMA_SOURCE}|${HALF_SOURCE})`);
const ANYWHERE = new RegExp(ORDINAL_SOURCE, 'g');
const PAGE_MARKER = /^(\d{1,3})、/;
/** The units AT_START's forms can begin with. */
const ORDINAL_FIRST = codeTable(`（(${CN}0123456789`);
// Inside a line only a sentence end opens a heading: after ：or ；an ordinal starts a list item.
const BOUNDARY_BEFORE = new Set([...'。！？!?']);
const CLOSERS = new Set([...'”’」』"\'']);
const LINE_END_OK = new Set([...'。！？!?；;：:”’」』）)…—】》']);


function parseOrdinal(raw: string, start: number, groups: Record<string, string | undefined>): Ordinal | null {
  const end = start + raw.length;
  if (groups.cnDun !== undefined || groups.cnComma !== undefined) {
    const m = /^([一二三四五六七八九十]+)\s*(.)$/u.exec(raw.replace(/\u3000/g, ' '))!;
    const value = parseChineseInteger(m[1]);
    return value ? { raw, start, end, style: 'cn-dun', value, inferred: false, punct: m[2] } : null;
  }
  if (groups.arDot !== undefined || groups.arColon !== undefined) {
    const m = /^(\d+)\s*(.)$/u.exec(raw)!;
    const value = Number(m[1]);
    return value ? { raw, start, end, style: 'arabic-dot', value, inferred: false, punct: m[2] } : null;
  }
  const inner = raw.replace(/^[（(][ \t\u3000]*/, '').replace(/[ \t\u3000]*[）)].*$/, '');
  const punct = raw.replace(/^.*[）)]/, '');
  if (groups.arParen !== undefined || groups.arHalf !== undefined || groups.arParenColon !== undefined) {
    const value = Number(inner);
    return value ? { raw, start, end, style: 'arabic-paren', value, inferred: false, punct } : null;
  }
  if (/^[-－—]$/.test(inner)) return { raw, start, end, style: 'cn-paren', value: 0, inferred: true, punct };
  const value = parseChineseInteger(inner);
  return value ? { raw, start, end, style: 'cn-paren', value, inferred: false, punct } : null;
}

const LEVEL: Record<OrdinalStyle, number> = { 'cn-dun': 1, 'cn-paren': 2, 'arabic-dot': 3, 'arabic-paren': 4 };

function splitLines(content: string, blocks: Block[]): Line[] {
  const lines: Line[] = [];
  const push = (a: number, b: number, block: Block) => {
    while (a < b && isSpaceCode(content.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(content.charCodeAt(b - 1))) b--;
    if (b > a) lines.push({ start: a, end: b, block });
  };
  const breaks = new LineBreaks(content);
  for (const block of blocks) {
    let s = block.start;
    for (;;) {
      const brk = breaks.next(s);
      if (brk >= block.end) break;
      push(s, brk, block);
      s = brk + 1;
    }
    push(s, block.end, block);
  }
  return lines;
}

const CLAUSE_BREAK = /[，,]/;
const DOC_TITLE_END = /(?:总结|报告|汇报|计划|规划|方案|要点|意见|通知|安排|打算|设想|情况)$/;
const SENTENCE_BREAK = /[。；;！？!?]/;

/**
 * A line that ends without punctuation because it is a title, not because a page break cut it: a
 * Markdown heading, a short line without a sentence break that opens with an ordinal
 * (（一）经济运行, 1、茶叶产业), or the document's title line (…工作总结). A numbered paragraph right under it is not a page marker.
 */
function titleLine(content: string, line: Line, index: number): boolean {
  if (line.block.kind === 'heading') return true;
  if (line.end - line.start > 40) return false;
  const text = content.slice(line.start, line.end);
  if (SENTENCE_BREAK.test(text)) return false;
  if (index === 0 && !CLAUSE_BREAK.test(text) && DOC_TITLE_END.test(text)) return true;
  const m = AT_START.exec(text);
  if (!m) return false;
  // A heading title may hold a comma (（一）健全工作机制，夯实平安基础); a numbered line that is a
  // candidate marker itself is a title only when it is a bare name (1、茶叶产业).
  return m.groups!.arDot === undefined || !CLAUSE_BREAK.test(text);
}

/** Line-start `N、` runs that are page numbers: most of them follow a line cut mid-sentence. */
function findPageMarkers(content: string, lines: Line[]): Map<number, Span> {
  const candidates: Array<{ line: number; value: number; cut: boolean; span: Span }> = [];
  lines.forEach((line, i) => {
    const first = content.charCodeAt(line.start);
    if (first < 0x30 || first > 0x39) return;
    const m = PAGE_MARKER.exec(content.slice(line.start, line.start + 5));
    if (!m) return;
    const prev = lines[i - 1];
    const cut = !!prev && !LINE_END_OK.has(content[prev.end - 1]) && !titleLine(content, prev, i - 1);
    candidates.push({ line: i, value: Number(m[1]), cut, span: { start: line.start, end: line.start + m[0].length } });
  });
  const markers = new Map<number, Span>();
  for (let i = 0; i < candidates.length; ) {
    let j = i + 1;
    while (j < candidates.length && candidates[j].value === candidates[j - 1].value + 1) j++;
    const run = candidates.slice(i, j);
    const cuts = run.filter((c) => c.cut).length;
    if ((run.length >= 2 && cuts * 2 >= run.length) || (run.length === 1 && run[0].cut)) {
      for (const c of run) markers.set(c.line, c.span);
    }
    i = j;
  }
  return markers;
}

class Sequence {
  /** last[level] = value of the latest heading at that level under the current parent; 0 = none yet. */
  private last = [0, 0, 0, 0, 0];

  expected(level: number): number {
    return this.last[level] + 1;
  }

  /** Whether an ordinal found inside running text continues the numbering (else it is prose). */
  continues(level: number, value: number): boolean {
    if (this.last[level] > 0) return value === this.last[level] + 1;
    if (value !== 1) return false;
    return level === 1 || this.last.slice(1, level).some((v) => v > 0);
  }

  accept(level: number, value: number): void {
    this.last[level] = value;
    for (let l = level + 1; l < this.last.length; l++) this.last[l] = 0;
  }
}

function titleEnd(content: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (SENTENCE_END[content.charCodeAt(i)]) return i;
  return limit;
}

function boundaryBefore(content: string, lineStart: number, pos: number): boolean {
  let i = pos - 1;
  while (i >= lineStart && isSpaceCode(content.charCodeAt(i))) i--;
  if (i < lineStart) return true;
  if (CLOSERS.has(content[i]) && i - 1 >= lineStart && BOUNDARY_BEFORE.has(content[i - 1])) return true;
  return BOUNDARY_BEFORE.has(content[i]);
}

/**
 * Finds headings: Markdown `#` headings, ordinals at line starts, and ordinals inside a line
 * where they continue the numbering after a sentence end or directly after the previous heading's
 * title (`…如下。一、工作措施(一)加强组织领导…`). A heading split after its opening bracket
 * (`（` / `三）…`) is joined. 一是, 1-5月, 2023. and lists such as 一、二、三产业 are not headings.
 */
export function scanHeadings(content: string, blocks: Block[]): HeadingScan {
  const lines = splitLines(content, blocks);
  const pages = findPageMarkers(content, lines);
  const seq = new Sequence();
  const headings: Heading[] = [];

  const push = (ord: Ordinal, line: Line, inline: boolean, limit: number): Heading => {
    const level = LEVEL[ord.style];
    if (ord.inferred) ord.value = seq.expected(level);
    seq.accept(level, ord.value);
    let titleStart = ord.end;
    while (titleStart < limit && isSpaceCode(content.charCodeAt(titleStart))) titleStart++;
    const tEnd = titleEnd(content, titleStart, limit);
    const h: Heading = {
      start: ord.start,
      end: tEnd,
      level,
      kind: 'ordinal',
      ordinal: ord,
      title: content.slice(titleStart, tEnd),
      titleStart,
      titleEnd: tEnd,
      inline,
      standalone: !inline && (tEnd === line.end || (tEnd === line.end - 1 && SENTENCE_END[content.charCodeAt(tEnd)] === 1)),
    };
    headings.push(h);
    return h;
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    let scanFrom = line.start;
    let lastOnLine: Heading | undefined;

    if (line.block.kind === 'heading' && line.block.depth) {
      const m = AT_START.exec(content.slice(line.start, line.end));
      const ord = m ? parseOrdinal(m[0], line.start, m.groups!) : null;
      if (ord) {
        lastOnLine = push(ord, line, false, line.end);
      } else {
        headings.push({
          start: line.start, end: line.end, level: line.block.depth, kind: 'markdown',
          title: content.slice(line.start, line.end), titleStart: line.start, titleEnd: line.end,
          inline: false, standalone: true,
        });
      }
      scanFrom = lastOnLine?.end ?? line.end;
    } else if (pages.has(li)) {
      // The marker cut a sentence: what follows continues the previous line.
      scanFrom = pages.get(li)!.end;
      const prevLine = lines[li - 1];
      const prevHeading = headings[headings.length - 1];
      const carried = prevLine && prevHeading?.titleEnd === prevLine.end ? prevHeading : undefined;
      const ended = !prevLine || BOUNDARY_BEFORE.has(content[prevLine.end - 1]);
      scanInline(content, line, scanFrom, carried, ended || carried !== undefined);
      continue;
    } else {
      // Every form AT_START reads begins with a bracket, a Chinese numeral or a digit: most lines begin
      // with none, and are neither sliced nor matched.
      const first = content.charCodeAt(line.start);
      if (ORDINAL_FIRST[first] !== 1) {
        scanInline(content, line, scanFrom, lastOnLine, false);
        continue;
      }
      const text = content.slice(line.start, line.end);
      const next = lines[li + 1];
      if ((text === '（' || text === '(') && next) {
        // A heading broken after its bracket: read the bracket and the next line as one.
        const joined = text + content.slice(next.start, next.end);
        const m = AT_START.exec(joined);
        if (m && (m.groups!.cnParen || m.groups!.arParen)) {
          const ord = parseOrdinal(m[0], line.start, m.groups!);
          if (ord) {
            ord.end = next.start + m[0].length - 1;
            ord.raw = content.slice(line.start, ord.end);
            lastOnLine = push(ord, next, false, next.end);
            li++;
            scanFrom = lastOnLine.end;
            scanInline(content, next, scanFrom, lastOnLine, false);
            continue;
          }
        }
      }
      const m = AT_START.exec(text);
      const ord = m ? parseOrdinal(m[0], line.start, m.groups!) : null;
      if (ord) {
        lastOnLine = push(ord, line, false, line.end);
        scanFrom = ord.end;
      }
    }
    scanInline(content, line, scanFrom, lastOnLine, false);
  }

  /** `startIsBoundary`: an ordinal right at `from` follows a sentence end or a heading title. */
  function scanInline(text: string, line: Line, from: number, previous: Heading | undefined, startIsBoundary: boolean): void {
    ANYWHERE.lastIndex = 0;
    const slice = text.slice(from, line.end);
    let prev = previous;
    for (let m = ANYWHERE.exec(slice); m; m = ANYWHERE.exec(slice)) {
      const pos = from + m.index;
      const ord = parseOrdinal(m[0], pos, m.groups!);
      if (!ord) continue;
      const level = LEVEL[ord.style];
      const atStart = pos === from && startIsBoundary;
      const afterTitle =
        prev !== undefined && level > prev.level &&
        (atStart || (pos - prev.titleStart <= 30 && !/[。！？!?；;，,、：:]/.test(text.slice(prev.titleStart, pos))));
      const garbled = ord.inferred && seq.expected(level) > 1;
      const boundary = atStart || boundaryBefore(text, line.start, pos);
      const ok = garbled || ((afterTitle || boundary) && seq.continues(level, ord.value));
      if (!ok) continue;
      if (prev && prev.titleEnd > pos) {
        prev.titleEnd = prev.end = pos;
        prev.title = text.slice(prev.titleStart, pos);
      }
      prev = push(ord, line, true, line.end);
      ANYWHERE.lastIndex = prev.ordinal!.end - from;
    }
  }

  return { headings, pageMarkers: [...pages.values()] };
}
