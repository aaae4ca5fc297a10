import { fmt, unusable, type Claim } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { boundariesBetween, BOUNDARY, endOffset, offsetOf, quantityAt, type SentenceShape } from '../sentence.js';
import { isAmount, isCount } from '../units.js';

const SUB = /其中|分别为|分别是|分别有/g;
const SUM_AFTER = /合计|共计|总计/g;
/** A quantity right after these words is a change or a comparison, not a part. */
const NOT_PART = /(?:增长|增加|提高|减少|下降|降低|比|较|超过|新增|达到|占)了?$/;
/** A total before 分别为 is announced as one: 共, 总, 合计 … */
const TOTAL_WORD = /共|总|合计|累计|全部/;

function partsAfter(s: SentenceShape, content: string, from: number, family: Quantity['family']): Array<{ q: Quantity; at: number }> {
  const parts: Array<{ q: Quantity; at: number }> = [];
  for (let i = from; i < s.shape.length; i++) {
    if (s.shape.startsWith('其中', i)) break;
    const q = quantityAt(s, i);
    if (!q) continue;
    if (q.family !== family) continue;
    const lead = content.slice(Math.max(s.start, q.start - 4), q.start);
    if (NOT_PART.test(lead)) continue;
    parts.push({ q, at: i });
  }
  return parts;
}

function claimFor(content: string, total: Quantity, parts: Quantity[], complete: boolean, start: number, end: number): Claim {
  const sum = parts.reduce((n, p) => n + p.value, 0);
  const slack = parts.reduce((n, p) => n + p.half, 0);
  const max = parts.reduce((m, p) => (p.value > m.value ? p : m), parts[0]);
  const claim: Claim = {
    kind: 'breakdown',
    start,
    end,
    values: {
      total: total.value,
      totalLow: total.value - total.half,
      totalHigh: total.value + total.half,
      sum,
      sumLow: sum - slack,
      sumHigh: sum + slack,
      maxPart: max.value,
      maxPartLow: max.value - max.half,
      parts: parts.length,
      complete: complete ? 1 : 0,
    },
    text: {
      totalText: content.slice(total.start, total.end),
      partsText: parts.map((p) => content.slice(p.start, p.end)).join(' + '),
      maxPartText: content.slice(max.start, max.end),
      sumText: fmt(sum / (total.value / total.number || 1)) + (content.slice(total.numberEnd, total.end).replace(/^(?:多|余)/, '') || ''),
    },
  };
  claim.reason = unusable([total, ...parts]);
  return claim;
}

/**
 * Breakdown claims: a total and its parts — after 其中 (parts need not be complete), after
 * 分别为 (complete), or before 合计/共计 (complete).
 */
export function breakdownClaims(s: SentenceShape, content: string, out: Claim[]): void {
  SUB.lastIndex = 0;
  for (let m = SUB.exec(s.shape); m; m = SUB.exec(s.shape)) {
    const complete = m[0] !== '其中';
    const after = m.index + m[0].length;
    // The total is the nearest amount before the marker (this clause or the one before).
    let total: Quantity | undefined;
    for (let i = m.index - 1; i >= 0; i--) {
      const q = quantityAt(s, i);
      if (!q) continue;
      if (boundariesBetween(s.shape, i, m.index) > 1) break;
      if (isAmount(q.family)) total = q;
      break;
    }
    if (!total) continue;
    if (complete) {
      const clause = content.slice(s.start, total.start);
      const lastBoundary = Math.max(...[...BOUNDARY].map((c) => clause.lastIndexOf(c)));
      if (!TOTAL_WORD.test(clause.slice(lastBoundary + 1))) continue;
    }
    const parts = partsAfter(s, content, after, total.family);
    if (parts.length === 0 || (complete && parts.length < 2)) continue;
    const last = parts[parts.length - 1];
    out.push(claimFor(content, total, parts.map((p) => p.q), complete, total.start, endOffset(s, last.at + 1)));
  }
  SUM_AFTER.lastIndex = 0;
  for (let m = SUM_AFTER.exec(s.shape); m; m = SUM_AFTER.exec(s.shape)) {
    const total = quantityAt(s, m.index + m[0].length);
    if (!total || !isAmount(total.family)) continue;
    const parts: Quantity[] = [];
    for (let i = m.index - 1; i >= 0; i--) {
      const q = quantityAt(s, i);
      if (!q) continue;
      if (boundariesBetween(s.shape, i, m.index) > 2) break;
      if (q.family === total.family && !NOT_PART.test(content.slice(Math.max(s.start, q.start - 4), q.start))) parts.unshift(q);
    }
    if (parts.length < 2) continue;
    out.push(claimFor(content, total, parts, true, parts[0].start, total.end));
  }
}

const LIST_END = /等$/;
const ITEM_END = /[\u3400-\u9fff）”》]/u;
const NOT_ITEM_END = /[的了有共达在为是和及与到至近约超逾余多第前后]/u;
const CONJ = /和|及|与|以及/;
const BRACKETED = /[（(“《][^）)”》]*[）)”》]/g;
const OPEN = '（(“《〈「『【[';
const CLOSE = '）)”》〉」』】]';
/** 一批, 一系列, 多个: not a count of items. */
const NOT_COUNTED = new Set(['count:批', 'count:次', 'count:场', 'count:场次', 'count:期', 'count:级', 'count:节']);

/** Items in a list such as 赵屋、西坑仔、边板和虾沟: separators at depth 0, plus one for a final 和/及/与. */
function countItems(list: string): number {
  let depth = 0;
  let separators = 0;
  let lastSep = -1;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '、' && depth === 0) {
      separators++;
      lastSep = i;
    }
  }
  const tail = list.slice(lastSep + 1);
  const conj = CONJ.test(tail.includes('（') || tail.includes('(') || tail.includes('“') || tail.includes('《') ? tail.replace(BRACKETED, '') : tail) ? 1 : 0;
  return separators + 1 + conj;
}

/**
 * Enumeration claims: listed items and the count that counts them (A、B、C和D等4个村;
 * A、B两家企业). With 等 the list may be shorter than the count, never longer.
 */
export function enumerationClaims(s: SentenceShape, content: string, out: Claim[]): void {
  s.quantities.forEach((q, n) => {
    if (isCount(q.family) && !NOT_COUNTED.has(q.family!)) enumeration(s, content, q, s.at[n], out);
  });
}

function enumeration(s: SentenceShape, content: string, q: Quantity, i: number, out: Claim[]): void {
  let listEnd = i;
  const etc = i > 0 && s.shape[i - 1] === '等';
  if (etc) listEnd = i - 1;
  // Without 等 the count must follow the last item directly (A、B两家企业), not 的 or a verb.
  else if (!ITEM_END.test(s.shape[i - 1] ?? '') || NOT_ITEM_END.test(s.shape[i - 1])) return;
  let listStart = listEnd;
  while (listStart > 0 && !BOUNDARY.includes(s.shape[listStart - 1]) && !quantityAt(s, listStart - 1)) listStart--;
  const list = s.shape.slice(listStart, listEnd);
  if (!etc && !list.includes('、')) return;
  if (LIST_END.test(list)) return;
  const items = countItems(list);
  if (items < 2) return;
  const claim: Claim = {
    kind: 'enumeration',
    start: offsetOf(s, listStart),
    end: q.end,
    values: { items, count: q.number, etc: etc ? 1 : 0 },
    text: { countText: content.slice(q.start, q.end), list: content.slice(offsetOf(s, listStart), offsetOf(s, listEnd)) },
    spans: { count: { start: q.start, end: q.end } },
  };
  claim.reason = q.placeholder ? 'placeholder' : q.approx !== undefined || q.range ? 'approximate' : undefined;
  out.push(claim);
}
