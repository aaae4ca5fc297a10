import type { Quantity } from './quantities.js';

/** First code point of the private-use area: each quantity in a sentence becomes one such character. */
const BASE = 0xe000;
const MAX = 0xf8ff - BASE;

/** Characters that end a clause. */
export const BOUNDARY = '，,；;：:。．！？!?';
const BOUNDARY_CODE = new Uint8Array(0x10000);
for (const c of BOUNDARY) BOUNDARY_CODE[c.charCodeAt(0)] = 1;

/** Whether shape[i] ends a clause; by code unit, as `BOUNDARY.includes(shape[i])` made a string at every step of a walk. */
export function isBoundary(shape: string, i: number): boolean {
  return i >= 0 && i < shape.length && BOUNDARY_CODE[shape.charCodeAt(i)] === 1;
}

/** Index of the last clause boundary in `text`, or -1. */
export function lastBoundary(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && BOUNDARY_CODE[text.charCodeAt(i)] !== 1) i--;
  return i;
}

/** In a shape regex: one quantity. */
export const Q = '[\\ue000-\\uf8ff]';
/** In a shape regex: one character that is neither a quantity nor a clause boundary. */
export const T = '[^\\ue000-\\uf8ff，,；;：:。．！？!?]';

/**
 * A sentence as claim patterns see it: each quantity with a unit replaced by one private-use
 * character, so a pattern such as `由Q增至Q` is a short regular expression whatever the number
 * looks like. `at[i]` is where quantity i stands in the shape.
 */
export interface SentenceShape {
  start: number;
  end: number;
  shape: string;
  quantities: Quantity[];
  at: number[];
}

const DE = '的'.charCodeAt(0);

/**
 * A figure with a magnitude and no unit before 的 (占全年任务1680万的55%): the unit of the amount it
 * is a part of is left out. It stands in the shape for the share it bases; other unitless figures
 * stay text.
 */
function bareBase(content: string, q: Quantity): boolean {
  return content.charCodeAt(q.end) === DE && !q.placeholder && q.value > q.number;
}

/** The shape of content[start, end) whose quantities are all[from, to) (those without a unit stay text but for a bare base). */
export function buildShape(content: string, start: number, end: number, all: Quantity[], from = 0, to = all.length): SentenceShape {
  const quantities: Quantity[] = [];
  let shape = '';
  const at: number[] = [];
  let textFrom = start;
  for (let k = from; k < to && quantities.length < MAX; k++) {
    const q = all[k];
    if (q.family === undefined && !bareBase(content, q)) continue;
    shape += content.slice(textFrom, q.start);
    at.push(shape.length);
    shape += String.fromCharCode(BASE + quantities.length);
    quantities.push(q);
    textFrom = q.end;
  }
  shape += content.slice(textFrom, end);
  return { start, end, shape, quantities, at };
}

/** Where shape position `index` starts in the content. */
export function offsetOf(s: SentenceShape, index: number): number {
  // The last quantity before `index` (binary search: a sentence may hold thousands); the text
  // after it is content text, one unit for one.
  let lo = 0;
  let hi = s.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.at[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? s.start + index : s.quantities[lo - 1].end + (index - s.at[lo - 1] - 1);
}

/** The quantity a shape character stands for (undefined for ordinary text). */
export function quantityAt(s: SentenceShape, index: number): Quantity | undefined {
  const code = s.shape.charCodeAt(index);
  return code >= BASE && code <= BASE + MAX ? s.quantities[code - BASE] : undefined;
}

/** Content offset where shape position `index` ends (exclusive end of a span ending at index). */
export function endOffset(s: SentenceShape, index: number): number {
  const q = quantityAt(s, index - 1);
  return q ? q.end : offsetOf(s, index);
}

/** Index of the start of the clause containing shape position `index`, or `floor` if that is later. */
export function clauseStart(shape: string, index: number, floor = 0): number {
  for (let i = index - 1; i >= floor; i--) if (isBoundary(shape, i)) return i + 1;
  return floor;
}

/** Index of `q` in the sentence's quantities (ordered by start), by binary search: indexOf per rate was quadratic. */
export function quantityIndex(s: SentenceShape, q: Quantity): number {
  let lo = 0;
  let hi = s.quantities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.quantities[mid].start < q.start) lo = mid + 1;
    else hi = mid;
  }
  return s.quantities[lo] === q ? lo : s.quantities.indexOf(q);
}

/** Number of clause boundaries in shape[from, to). */
export function boundariesBetween(shape: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isBoundary(shape, i)) n++;
  return n;
}
