import type { Quantity } from './quantities.js';

/** First code point of the private-use area: each quantity in a sentence becomes one such character. */
const BASE = 0xe000;
const MAX = 0xf8ff - BASE;

/** Characters that end a clause. */
export const BOUNDARY = '，,；;：:。．！？!?';
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

export function buildShape(content: string, start: number, end: number, all: Quantity[]): SentenceShape {
  const quantities = all.filter((q) => q.family !== undefined).slice(0, MAX);
  let shape = '';
  const at: number[] = [];
  let from = start;
  quantities.forEach((q, i) => {
    shape += content.slice(from, q.start);
    at.push(shape.length);
    shape += String.fromCharCode(BASE + i);
    from = q.end;
  });
  shape += content.slice(from, end);
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
  for (let i = index - 1; i >= floor; i--) if (BOUNDARY.includes(shape[i])) return i + 1;
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
  for (let i = from; i < to; i++) if (BOUNDARY.includes(shape[i])) n++;
  return n;
}
