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
const AVERAGE = /年均|平均|人均|每年/;
/** 其中高速公路由4771公里增加到2.52万公里: values of a change, not parts. */
const CHANGE_IN_SEGMENT = /由|从|比|较|增加|增长|减少|下降|提高|降低/;
const YEAR = /(?:19|20)\d\d年/;
const CHANGE = /由|从|增|减|提高|下降|降低|比|较|到|至|年均|平均/;

/** The words that introduce the quantity at shape position i: back to a separator or another quantity. */
function segmentBefore(s: SentenceShape, content: string, i: number): string {
  let from = i;
  while (from > 0 && !BOUNDARY.includes(s.shape[from - 1]) && s.shape[from - 1] !== '、' && !quantityAt(s, from - 1)) from--;
  return content.slice(offsetOf(s, from), offsetOf(s, i));
}

/**
 * Parts after 其中: quantities in the total's unit, up to the next 其中, the bracket that 其中
 * opened (（其中一个是…，一个是…）), or the first part larger than the total once parts have
 * started — that one begins a new statement (新增营造林148万亩、其中A 43万亩，修复草原517万亩).
 */
function partsAfter(s: SentenceShape, content: string, from: number, total: Quantity): Array<{ q: Quantity; at: number }> {
  const family = total.family;
  const parts: Array<{ q: Quantity; at: number }> = [];
  const opener = s.shape[from - 3];
  const closer = opener === '（' ? '）' : opener === '(' ? ')' : undefined;
  for (let i = from; i < s.shape.length; i++) {
    if (s.shape.startsWith('其中', i) || s.shape[i] === closer) break;
    const q = quantityAt(s, i);
    if (!q) continue;
    if (q.family !== family) continue;
    const lead = content.slice(Math.max(s.start, q.start - 4), q.start);
    if (NOT_PART.test(lead) || CHANGE_IN_SEGMENT.test(segmentBefore(s, content, i))) continue;
    if (YEAR.test(content.slice(Math.max(s.start, q.start - 8), q.start))) return [];
    if (parts.length > 0 && q.value - q.half > total.value + total.half) break;
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
    // 年均产量464万吨（其中1995年为475万吨）: an average and one year of it, not a total and parts.
    if (AVERAGE.test(content.slice(Math.max(s.start, total.start - 8), total.start))) continue;
    if (complete) {
      const clause = content.slice(s.start, total.start);
      const lastBoundary = Math.max(...[...BOUNDARY].map((c) => clause.lastIndexOf(c)));
      if (!TOTAL_WORD.test(clause.slice(lastBoundary + 1))) continue;
    }
    const parts = partsAfter(s, content, after, total);
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
    // 由A增加到B，五年共计C: values over time, not parts of C.
    if (CHANGE.test(content.slice(parts[0].start, total.start))) continue;
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

function unbracket(s: string): string {
  return /[（(“《]/.test(s) ? s.replace(BRACKETED, '') : s;
}

/**
 * Items in a list such as 赵屋、西坑仔、边板和虾沟: separators at depth 0, plus one for a final
 * 和/及/与. A 和 before the last separator (巩固、开发和提升生态、民俗…) nests one coordination in
 * another: the count is ambiguous, so undefined.
 */
function countItems(list: string): number | undefined {
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
  if (lastSep > 0 && CONJ.test(unbracket(list.slice(0, lastSep)))) return undefined;
  const tail = list.slice(lastSep + 1);
  const conj = CONJ.test(unbracket(tail)) ? 1 : 0;
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

const SMALL_CHINESE = /^[两二三四五六七八九]$/;

/**
 * Without 等, a count right after a list usually counts objects, not the list's items (新建、改扩建
 * 机场50个; 十大考古新发现). It counts the items only in the short form A、B两家企业: a Chinese
 * numeral from 2 to 9 with a classifier other than 大, after a list of short names that starts
 * a clause.
 */
function countsItems(s: SentenceShape, content: string, q: Quantity, list: string, listStart: number): boolean {
  if (listStart > 0 && quantityAt(s, listStart - 1) !== undefined) return false;
  if (!list.includes('、') || q.unit === '大' || !SMALL_CHINESE.test(content.slice(q.numberStart, q.numberEnd))) return false;
  return list.split('、').every((item) => item.trim().length >= 2 && item.trim().length <= 6);
}

function enumeration(s: SentenceShape, content: string, q: Quantity, i: number, out: Claim[]): void {
  const etc = i > 0 && s.shape[i - 1] === '等';
  const listEnd = etc ? i - 1 : i;
  // Without 等 the count must follow the last item directly (A、B两家企业), not 的 or a verb.
  if (!etc && (!ITEM_END.test(s.shape[i - 1] ?? '') || NOT_ITEM_END.test(s.shape[i - 1]))) return;
  let listStart = listEnd;
  while (listStart > 0 && !BOUNDARY.includes(s.shape[listStart - 1]) && !quantityAt(s, listStart - 1)) listStart--;
  const list = s.shape.slice(listStart, listEnd);
  if (LIST_END.test(list)) return;
  const items = countItems(list);
  if (items === undefined || items < 2) return;
  if (!etc && !countsItems(s, content, q, list, listStart)) return;
  const claim: Claim = {
    kind: 'enumeration',
    start: offsetOf(s, listStart),
    end: q.end,
    values: { items, count: q.value, etc: etc ? 1 : 0 },
    text: { countText: content.slice(q.start, q.end), list: content.slice(offsetOf(s, listStart), offsetOf(s, listEnd)) },
    spans: { count: { start: q.start, end: q.end } },
  };
  claim.reason = q.placeholder ? 'placeholder' : q.approx !== undefined || q.range ? 'approximate' : undefined;
  out.push(claim);
}
