import { fmt, unusable, type Claim } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { clauseStart, endOffset, isBoundary, lastBoundary, offsetOf, quantityAt, type SentenceShape } from '../sentence.js';
import { isAmount, isCount } from '../units.js';
import KINDS from './part-kinds.json' with { type: 'json' };
import WORDS from './list-kinds.json' with { type: 'json' };
import { parseChineseNumber } from '../numerals.js';

/** 其中, 包括, 主要为, and 含 opening a clause (共培训1,200人次，含…): the parts follow. */
const SUB = /其中|分别为|分别是|分别有|包括|包含|主要为|主要有|含(?<=[，,]含)(?![义量有税])/g;
/** 合计, 共计, 总计, and 共 opening a clause after the parts (小学8所、初中3所，共11所). */
const SUM_AFTER = /合计|共计|总计|共(?<=[，,；;]共)(?![同享建识治富赢青产])/g;
/** 三项合计, 两类共计: how many parts the sum is of, said before the sum word. */
const SUM_COUNT = /(?<![\d一二三四五六七八九十两百千万])([两二三四五六七八九十]|\d{1,2})(?:项|类|者|部分|个方面|种)(?:工作|资金|人员)?$/u;
/** A quantity right after these words is a change or a comparison, not a part. */
const NOT_PART = /(?:增长|增加|提高|减少|下降|降低|比|较|超过|新增|达到|占)了?$/;
/** A total before 分别为 is announced as one: 共, 总, 合计 … */
const TOTAL_WORD = /共|总|合计|累计|全部/;
const AVERAGE = /年均|平均|人均|每年/;
/** 其中高速公路由4771公里增加到2.52万公里: values of a change, not parts (增加值 is value added, 比重 a share). */
const CHANGE_IN_SEGMENT = /由|从|比(?!重)|较|增加(?!值)|增长|减少|下降|提高|降低/;
/** Last year's figure beside this year's (其中上年结转12件, （上年1,500人）): not a part. */
const EARLIER = /上年|去年|同期|上一年/;
const YEAR = /(?:19|20)\d\d年/;
/** 调解成功的纠纷中涉及土地的43件: a count taken within what an earlier part counted, not beside it. */
const NESTED = /的[^，,。；;、]{0,8}中(?:[，,]|涉及|有|包括|含|属于|共|已|以)/;
const CHANGE = /由|从|增|减|提高|下降|降低|比|较|到|至|年均|平均/;
/** Words that open a breakdown, dropped from the first part's label. */
const LABEL_LEAD = /^(?:其中|分别为|分别是|分别有|包括|包含|主要为|主要有|含|[（(])+/;
const LABEL_STOP = '、（(';
const LABEL_TAIL = /(?:为|有|达到|达|是|共|计|约)+$/;
/** 3.0万亩的108.7%: a quantity followed by 的 qualifies what comes after it, it is not a total. */
const QUALIFIES = /^的/;
const wordsOf = (words: string[]) => new RegExp(words.join('|'), 'u');
const DIMENSIONS = Object.entries(KINDS.dimensions).map(([name, words]) => ({ name, re: wordsOf(words) }));
const UPPER = wordsOf(KINDS.thresholds.upper);
const LOWER = wordsOf(KINDS.thresholds.lower);
const THRESHOLD = new RegExp(`${UPPER.source}|${LOWER.source}`, 'u');
/** 5000万元至1亿元: a band between two bounds. */
const BAND = /至|到|[-—–~～]/;
const FUNNEL = wordsOf(KINDS.funnel);
const LEVELS = KINDS.levels.map(([upper, lower]) => ({ upper: new RegExp(upper, 'u'), lower: new RegExp(lower, 'u') }));

interface Part {
  q: Quantity;
  at: number;
  label: string;
}

/** The words that introduce the quantity at shape position i, back to a separator (quantities included: 1000万元以上企业). */
function labelOf(s: SentenceShape, content: string, i: number, floor = 0): string {
  let from = i;
  while (from > floor && !isBoundary(s.shape, from - 1) && !LABEL_STOP.includes(s.shape[from - 1])) from--;
  return content.slice(offsetOf(s, from), offsetOf(s, i)).replace(LABEL_LEAD, '').replace(LABEL_TAIL, '');
}

/** The words around the quantity at shape position i, up to separators on both sides (辖12个行政村). */
function contextOf(s: SentenceShape, content: string, i: number): string {
  let to = i + 1;
  while (to < s.shape.length && !isBoundary(s.shape, to) && s.shape[to] !== '、' && s.shape[to] !== '（' && !quantityAt(s, to)) to++;
  return labelOf(s, content, i) + content.slice(quantityAt(s, i)!.end, offsetOf(s, to));
}

const DUN = '、'.charCodeAt(0);
/**
 * 脱贫户486户1,932人, 低保户206户、512人: one group counted in households (or another classifier)
 * and in people. The shape position of the people count after the count at i, or -1.
 */
function secondUnit(s: SentenceShape, i: number): number {
  const q = quantityAt(s, i);
  if (!q || !isCount(q.family)) return -1;
  const j = s.shape.charCodeAt(i + 1) === DUN ? i + 2 : i + 1;
  const r = quantityAt(s, j);
  return r && (r.family === 'people' || r.family === 'visits') ? j : -1;
}

const JOIN_AFTER = '和及与';
/** 一类站6个: a quantity followed, before the next separator, by another is part of a label. */
function qualifies(s: SentenceShape, i: number): boolean {
  // 一般户301户1,204人: a count in two units, each a part in its own unit.
  if (secondUnit(s, i) === i + 1) return false;
  // 18.6亿元和9.8亿元: a conjunction right after the quantity joins two parts.
  if (JOIN_AFTER.includes(s.shape[i + 1])) return false;
  for (let j = i + 1; j < s.shape.length && !isBoundary(s.shape, j) && !LABEL_STOP.includes(s.shape[j]) && s.shape[j] !== '）'; j++) {
    if (quantityAt(s, j)) return true;
  }
  return false;
}

/** The words that introduce the quantity at shape position i: back to a separator or another quantity. */
function segmentBefore(s: SentenceShape, content: string, i: number): string {
  let from = i;
  while (from > 0 && !isBoundary(s.shape, from - 1) && s.shape[from - 1] !== '、' && !quantityAt(s, from - 1)) from--;
  return content.slice(offsetOf(s, from), offsetOf(s, i));
}

/**
 * Parts after a marker: quantities of one family (the first part's), up to the next 其中, the bracket
 * that holds them (（其中一个是…，一个是…）), or the first part larger than the total once parts have
 * started — that one begins a new statement (新增营造林148万亩、其中A 43万亩，修复草原517万亩).
 * Quantities in a bracket opened among the parts are parts of a part (企业120户（含高新技术企业8户）).
 */
function partsAfter(s: SentenceShape, content: string, from: number, closer: string | undefined, family: Quantity['family'], limit: (q: Quantity) => boolean): Part[] {
  const parts: Part[] = [];
  let depth = 0;
  for (let i = from; i < s.shape.length; i++) {
    const c = s.shape[i];
    if (s.shape.startsWith('其中', i) && i > from) break;
    if (depth === 0 && c === closer) break;
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    const q = quantityAt(s, i);
    if (!q || depth > 0 || q.family !== family || qualifies(s, i)) continue;
    const lead = content.slice(Math.max(s.start, q.start - 4), q.start);
    const segment = segmentBefore(s, content, i);
    if (NOT_PART.test(lead) || CHANGE_IN_SEGMENT.test(segment) || EARLIER.test(segment)) continue;
    if (parts.length > 0 && NESTED.test(segment)) break;
    if (YEAR.test(content.slice(Math.max(s.start, q.start - 8), q.start))) return [];
    if (parts.length > 0 && limit(q)) break;
    parts.push({ q, at: i, label: labelOf(s, content, i, from) });
  }
  return parts;
}

/**
 * Whether the parts may overlap, so that their sum says nothing: parts classified along two
 * dimensions at once (女, 35岁以下, 大专以上), nested thresholds (1000万元以上, 5000万元以上),
 * or a funnel whose later stage is inside an earlier one (调解 …, 成功 …).
 */
function overlapping(parts: Part[]): boolean {
  const dimensions = new Set<string>();
  let up = 0;
  let down = 0;
  let plain = 0;
  for (const p of parts) {
    if (UPPER.test(p.label)) up++;
    else if (LOWER.test(p.label)) down++;
    else if (!BAND.test(p.label)) plain++;
    for (const d of DIMENSIONS) if (d.re.test(p.label)) dimensions.add(d.name);
  }
  // 亿元以上4个、5000万元至1亿元6个、5000万元以下9个 are bands; 1000万元以上…5000万元以上… nest.
  if (up + down > 0 && (up > 1 || down > 1 || plain > 0)) return true;
  if (dimensions.size > 1) return true;
  return parts.some((p, i) => i > 0 && FUNNEL.test(p.label) && !FUNNEL.test(parts[0].label));
}

/** 企业1,936户 … 高新技术企业41户: a part named as a kind of another part is inside it, not beside it. */
function withoutSubkinds(parts: Part[]): Part[] {
  // By the suffixes of each label, not by every pair of parts: a list of 10^4 parts stays linear.
  const labels = new Set(parts.map((p) => p.label));
  const isSubkind = (label: string) => {
    for (let n = 2; n < label.length; n++) if (labels.has(label.slice(label.length - n))) return true;
    return false;
  };
  return parts.filter((p) => !isSubkind(p.label) && !SHARED.test(p.label));
}

/** 双重身份人员122户, 同时享受两项补贴的…: a part counted in two others already, left out of the sum. */
const SHARED = /双重|兼有|兼任|兼具|同时(?:享受|属于|为|是|纳入)|既是|交叉|重叠/;

/** 行政村12个，其中自然村86个: units of another level, not parts. */
function otherLevel(totalLabel: string, parts: Part[]): boolean {
  return LEVELS.some((l) => l.upper.test(totalLabel) && !l.lower.test(totalLabel) && parts.some((p) => l.lower.test(p.label)));
}

/** A net change (净增企业7家) and what came in or went out (其中新培育5家、升规4家): the flows need not add up to the balance. */
const NET = /净(?:增|减|流入|流出)/;
const GROSS = /^(?:新|升|迁入|转入|引进|回流|注销|吊销|退出|迁出|转出|关停|淘汰)/;
function netOfGross(totalLabel: string, parts: Part[]): boolean {
  return NET.test(totalLabel) && parts.some((p) => GROSS.test(p.label));
}

function claimFor(content: string, total: Quantity, partList: Part[], complete: boolean, start: number, end: number): Claim {
  const overlap = overlapping(partList);
  const counted = withoutSubkinds(partList);
  const parts = counted.map((p) => p.q);
  const all = partList.map((p) => p.q);
  const sum = parts.reduce((n, p) => n + p.value, 0);
  const slack = parts.reduce((n, p) => n + p.half, 0);
  const max = all.reduce((m, p) => (p.value > m.value ? p : m), all[0]);
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
      parts: all.length,
      complete: complete && counted.length === partList.length ? 1 : 0,
      disjoint: overlap ? 0 : 1,
    },
    text: {
      totalText: content.slice(total.start, total.end),
      partsText: parts.map((p) => content.slice(p.start, p.end)).join(' + '),
      maxPartText: content.slice(max.start, max.end),
      sumText: fmt(sum / (total.value / total.number || 1)) + (content.slice(total.numberEnd, total.end).replace(/^(?:多|余)/, '') || ''),
    },
  };
  claim.reason = unusable([total, ...all]);
  return claim;
}

/**
 * The total a breakdown at shape position `at` is of: the nearest quantity of the parts' family
 * before it, in its clause or the two before, that is neither a change (增加12件) nor a qualifier
 * (任务3.0万亩的108.7%).
 */
function totalBefore(s: SentenceShape, content: string, at: number, family: Quantity['family']): { q: Quantity; at: number } | undefined {
  // Boundaries counted on the way back: counting them again at each quantity was quadratic.
  let boundaries = 0;
  for (let i = at - 1; i >= 0; i--) {
    const q = quantityAt(s, i);
    if (!q && isBoundary(s.shape, i) && ++boundaries > 2) return undefined;
    if (!q) continue;
    if (q.family !== family) continue;
    if (NOT_PART.test(content.slice(Math.max(s.start, q.start - 4), q.start)) || QUALIFIES.test(s.shape.slice(i + 1, i + 2))) continue;
    return { q, at: i };
  }
  return undefined;
}

/** The shape position of the first part after `from`, whose family is the breakdown's unit; -1 if none. */
function firstPart(s: SentenceShape, from: number): number {
  for (let i = from; i < s.shape.length; i++) {
    const q = quantityAt(s, i);
    // 1000万元以上企业18家: the threshold qualifies the part, the part is 18家.
    if (q && isAmount(q.family) && !THRESHOLD.test(q.approx ?? '') && !qualifies(s, i)) return i;
  }
  return -1;
}

/**
 * A breakdown whose total names its parts (A和B资金合计8.6亿元，其中A…、B…): the parts, one per
 * name, are the whole of it.
 */
function namedWhole(content: string, s: SentenceShape, total: Quantity, parts: Part[]): boolean {
  const clause = content.slice(s.start, total.start);
  const lead = clause.slice(lastBoundary(clause) + 1);
  const m = /^(.*?)(?:合计|共计|总计|共)[^\u3000-\u303f]{0,4}$/u.exec(lead);
  if (!m) return false;
  const names = m[1].split(/[、和及与]/u).filter((n) => n.length >= 2);
  return names.length === parts.length && names.length >= 2 && names.every((n, i) => parts[i].label.includes(n) || n.includes(parts[i].label));
}

/** 三次产业结构中第一产业占12.4%、第二产业占51.3%、第三产业占38.3%: shares of one whole add up to 100%. */
const SECTORS = /三次产业|一二三产业?/;
const SECTOR = [/第一产业|一产/, /第二产业|二产/, /第三产业|三产/];

function sectorShares(s: SentenceShape, content: string, out: Claim[]): void {
  // Read in the content: 三次 alone reads as a count.
  const m = SECTORS.exec(content.slice(s.start, s.end));
  if (!m) return;
  const shares: Part[] = [];
  for (let i = 0; i < s.shape.length; i++) {
    if (offsetOf(s, i) < s.start + m.index + m[0].length) continue;
    const q = quantityAt(s, i);
    if (q?.family === 'percent') shares.push({ q, at: i, label: segmentBefore(s, content, i) });
  }
  // Each share named by its sector, or the three given as one series (三次产业占比分别为…、…和…).
  const named = shares.length === 3 && shares.every((p, k) => SECTOR[k].test(p.label));
  const series = shares.length === 3 && /分别/.test(shares[0].label) && shares.slice(1).every((p, k) => p.at === shares[k].at + 2 && SERIES_JOIN.includes(s.shape[p.at - 1]));
  if (named || series) pushHundred(content, shares.map((p) => p.q), '%', out);
  // 三次产业结构调整为8.5∶42.3∶49.2: a structure written as a ratio of shares.
  const from = s.start + m.index + m[0].length;
  RATIO3.lastIndex = 0;
  const text = content.slice(from, s.end);
  for (let r = RATIO3.exec(text); r; r = RATIO3.exec(text)) {
    const at = from + r.index;
    const parts: Quantity[] = [];
    let offset = 0;
    for (const digits of [r[1], r[2], r[3]]) {
      const start = at + r[0].indexOf(digits, offset);
      offset = start - at + digits.length;
      const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
      const value = Number(digits);
      parts.push({ start, end: start + digits.length, number: value, value, half: 0.5 * 10 ** -decimals, decimals, family: 'percent', placeholder: false, range: false, numberStart: start, numberEnd: start + digits.length, negative: false });
    }
    // A ratio in other terms (1∶4.5∶4.5) is no set of percentages: only a near-hundred is read as one.
    const sum = parts.reduce((n, p) => n + p.value, 0);
    if (sum >= 80 && sum <= 120) pushHundred(content, parts, '', out);
  }
}

const SERIES_JOIN = '、和及与';
const RATIO3 = /(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)[ ]?[:：∶︰][ ]?(\d{1,2}(?:\.\d{1,2})?)[ ]?[:：∶︰][ ]?(\d{1,2}(?:\.\d{1,2})?)(?![\d.:：∶︰])/g;

/** Shares of one whole: they add up to 100. */
function pushHundred(content: string, shares: Quantity[], sign: string, out: Claim[]): void {
  const parts = shares.map((q) => ({ q, at: 0, label: '' }));
  const hundred: Quantity = { ...shares[0], value: 100, number: 100, half: 0, decimals: 0 };
  const claim = claimFor(content, hundred, parts, true, shares[0].start, shares[2].end);
  claim.text.totalText = `100${sign}`;
  claim.text.sumText = `${fmt(claim.values.sum)}${sign}`;
  out.push(claim);
}

/** A sentence that opens with 其中 (其中：, 其中，) goes on with the total the sentence before ended on. */
const OPENS_WITH_SUB = /^[\s\u3000]*$/;

/**
 * The parts of `family` after the marker at `marker` (其中, 分别为 …), and the total before it: in
 * this sentence, or at the end of the one before when this one opens with 其中 (贫困人口281户、1,078人。
 * 其中：甲村61户、247人…).
 */
function markedParts(s: SentenceShape, content: string, marker: number, after: number, complete: boolean, family: Quantity['family'], out: Claim[], previous: SentenceShape | undefined): void {
  let ts = s;
  let found = totalBefore(s, content, marker, family);
  if (!found && previous && !complete && OPENS_WITH_SUB.test(s.shape.slice(0, marker))) {
    ts = previous;
    found = totalBefore(previous, content, previous.shape.length, family);
  }
  if (!found) return;
  const total = found.q;
  // 年均产量464万吨（其中1995年为475万吨）: an average and one year of it, not a total and parts.
  if (AVERAGE.test(content.slice(Math.max(ts.start, total.start - 8), total.start))) return;
  if (complete) {
    const clause = content.slice(s.start, total.start);
    if (!TOTAL_WORD.test(clause.slice(lastBoundary(clause) + 1))) return;
  }
  const opener = s.shape[marker - 1];
  const closer = opener === '（' ? '）' : opener === '(' ? ')' : undefined;
  const parts = partsAfter(s, content, after, closer, family, (q) => q.value - q.half > total.value + total.half);
  if (parts.length === 0 || (complete && parts.length < 2)) return;
  if (otherLevel(contextOf(ts, content, found.at), parts)) return;
  if (netOfGross(labelOf(ts, content, found.at), parts)) return;
  const last = parts[parts.length - 1];
  out.push(claimFor(content, total, parts, complete || (ts === s && namedWhole(content, s, total, parts)), total.start, endOffset(s, last.at + 1)));
}

/**
 * Breakdown claims: a total and its parts — after 其中 or 包括, or in brackets right after the
 * total (parts need not be complete), after 分别为 (complete), or before 合计/共计 (complete).
 */
export function breakdownClaims(s: SentenceShape, content: string, out: Claim[], previous?: SentenceShape): void {
  SUB.lastIndex = 0;
  // Where the first 其中 stands, for the shares listed after it.
  let sub = -1;
  for (let m = SUB.exec(s.shape); m; m = SUB.exec(s.shape)) {
    if (sub < 0 && m[0] === '其中') sub = m.index;
    const complete = m[0].startsWith('分别');
    const after = m.index + m[0].length;
    const first = firstPart(s, after);
    if (first < 0) continue;
    markedParts(s, content, m.index, after, complete, quantityAt(s, first)!.family, out, previous);
    // 其中一般户301户1,204人: the parts are counted in people too, and summed apart.
    const second = secondUnit(s, first);
    if (second >= 0) markedParts(s, content, m.index, after, complete, quantityAt(s, second)!.family, out, previous);
  }
  SUM_AFTER.lastIndex = 0;
  for (let m = SUM_AFTER.exec(s.shape); m; m = SUM_AFTER.exec(s.shape)) {
    // 合计150人, 两项合计发放1,298万元
    let at = m.index + m[0].length;
    while (at < s.shape.length && at < m.index + m[0].length + 4 && !quantityAt(s, at) && !isBoundary(s.shape, at)) at++;
    const total = quantityAt(s, at);
    if (!total || !isAmount(total.family)) continue;
    const parts: Part[] = [];
    // 三项合计: that many parts, wherever they start; else the parts of the two clauses before it.
    const said = SUM_COUNT.exec(content.slice(Math.max(s.start, offsetOf(s, m.index) - 8), offsetOf(s, m.index)));
    const count = said ? (/\d/.test(said[1]) ? Number(said[1]) : parseChineseNumber(said[1])?.value) : undefined;
    let boundaries = 0;
    let earlier = false;
    for (let i = m.index - 1; i >= 0; i--) {
      const q = quantityAt(s, i);
      if (!q && isBoundary(s.shape, i)) boundaries++;
      if (!q || q.family !== total.family || NOT_PART.test(content.slice(Math.max(s.start, q.start - 4), q.start))) continue;
      if (count === undefined ? boundaries > 2 : parts.length === count) {
        earlier = true;
        break;
      }
      parts.unshift({ q, at: i, label: labelOf(s, content, i) });
    }
    if (parts.length < 2 || (count !== undefined && parts.length !== count)) continue;
    // Another figure of the unit further back: where the parts start is not known, a sum that falls
    // short proves nothing, nor does a count of parts that a longer list contradicts.
    if (earlier && (count !== undefined || parts.reduce((a, p) => a + p.q.value, 0) < total.value)) continue;
    // 由A增加到B，五年共计C: values over time, not parts of C.
    if (CHANGE.test(content.slice(parts[0].q.start, total.start))) continue;
    out.push(claimFor(content, total, parts, true, parts[0].q.start, total.end));
  }
  sectorShares(s, content, out);
  // Shares listed after 其中 (found by SUB above) need a 占 after it.
  if (sub >= 0 && s.shape.indexOf('占', sub) > 0) listedShares(s, content, out, sub);
  bracketClaims(s, content, out);
}

/** 工业企业占45%: a part named by its own words, then its share of the whole (占, 占比, 所占比重为). */
const SHARE_OF_WHOLE = /^(?<label>[^占]{1,12}?)(?:所占比重|占比|占)(?:为|达到|达|约)?$/u;
/** A part's words that make its share something else than the whole's composition: a change, a comparison, a plan. */
const NOT_COMPOSITION = /增|减|提高|下降|降低|比|较|同期|上年|去年|计划|目标|任务|累计/u;

/**
 * 全镇共有企业120家，其中工业企业占45%，商贸企业占38%，服务业企业占25%: shares of one whole, each
 * named by its part, listed after 其中. Parts that do not overlap cannot make up more than 100%.
 * Every percentage after 其中 must be such a share, each in its own clause or 、-item.
 */
function listedShares(s: SentenceShape, content: string, out: Claim[], sub: number): void {
  const from = sub + 2;
  // A second 其中 starts another list, of a part or of something else: not read.
  if (s.shape.indexOf('其中', from) >= 0) return;
  const parts: Part[] = [];
  // The sentence's quantities after 其中, by their shape positions: not every character.
  for (let n = 0; n < s.at.length; n++) {
    const i = s.at[n];
    if (i < from) continue;
    const q = s.quantities[n];
    if (q.family !== 'percent') {
      // A count of the part (其中工业企业54家，占45%) is breakdown's to check, against the total's count.
      if (parts.length === 0 && isAmount(q.family)) return;
      continue;
    }
    const segment = segmentBefore(s, content, i);
    const m = SHARE_OF_WHOLE.exec(segment.replace(/^[，,；;：:\s]+/u, ''));
    if (!m || NOT_COMPOSITION.test(m.groups!.label) || q.approx !== undefined) return;
    parts.push({ q, at: i, label: m.groups!.label });
  }
  if (parts.length < 2 || overlapping(parts)) return;
  const hundred: Quantity = { ...parts[0].q, value: 100, number: 100, half: 0, decimals: 0 };
  const claim = claimFor(content, hundred, parts, false, parts[0].q.start, parts[parts.length - 1].q.end);
  claim.text.totalText = '100%';
  claim.text.sumText = `${fmt(claim.values.sum)}%`;
  out.push(claim);
}

/** 其中 and 包括 in brackets are read as markers. */
const BRACKET_MARKER = /^(?:其中|包括|包含)/;

/** Breakdowns in brackets right after their total: 培训3,180人次（男1,426人次、女1,802人次）. */
function bracketClaims(s: SentenceShape, content: string, out: Claim[]): void {
  for (let n = 0; n < s.quantities.length; n++) {
    const at = s.at[n];
    const open = s.shape[at + 1];
    if (open !== '（' && open !== '(') continue;
    const total = s.quantities[n];
    if (!isAmount(total.family) || BRACKET_MARKER.test(s.shape.slice(at + 2, at + 4))) continue;
    const closer = open === '（' ? '）' : ')';
    bracketParts(s, content, total, at, at + 2, closer, out);
    // 困难群众312户748人（…）: the total counted in households too, before the one in people.
    const before = n > 0 ? s.at[n - 1] : -1;
    if (before >= 0 && secondUnit(s, before) === at) bracketParts(s, content, s.quantities[n - 1], before, at + 2, closer, out);
  }
}

function bracketParts(s: SentenceShape, content: string, total: Quantity, at: number, from: number, closer: string, out: Claim[]): void {
  const parts = partsAfter(s, content, from, closer, total.family, () => false);
  if (parts.length < 2) return;
  if (otherLevel(contextOf(s, content, at), parts)) return;
  const last = parts[parts.length - 1];
  out.push(claimFor(content, total, parts, false, total.start, endOffset(s, last.at + 1)));
}

const LIST_END = /等$/;
const ITEM_END = /[\u3400-\u9fff）”》]/u;
const NOT_ITEM_END = /[的了有共达在为是及与到至近约超逾余多第前后]/u;
const CONJ_ALL = /以及|和|及|与/g;
const BRACKETED = /[（(“《][^）)”》]*[）)”》]/g;
const OPEN = '（(“《〈「『【[';
const CLOSE = '）)”》〉」』】]';
/** OPEN and CLOSE by code unit, read at every character of a list. */
const BRACKET = new Uint8Array(0x10000);
const OPENS = 1;
const CLOSES = 2;
for (const c of OPEN) BRACKET[c.charCodeAt(0)] = OPENS;
for (const c of CLOSE) BRACKET[c.charCodeAt(0)] = CLOSES;
const LIST_SEPARATOR = '、'.charCodeAt(0);
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
    const c = list.charCodeAt(i);
    if (BRACKET[c] === OPENS) depth++;
    else if (BRACKET[c] === CLOSES) depth = Math.max(0, depth - 1);
    else if (c === LIST_SEPARATOR && depth === 0) {
      separators++;
      lastSep = i;
    }
  }
  if (lastSep > 0 && list.slice(0, lastSep).split('、').some(joins)) return undefined;
  return separators + 1 + (joins(list.slice(lastSep + 1)) ? 1 : 0);
}

/**
 * Whether 和/及/与 joins two items in `item`: with a name of two characters or more on each side
 * (边板和虾沟), not inside a name (和平新村, 中和, 仁和).
 */
function joins(item: string): boolean {
  const text = unbracket(item);
  CONJ_ALL.lastIndex = 0;
  for (let m = CONJ_ALL.exec(text); m; m = CONJ_ALL.exec(text)) {
    if (m.index >= 2 && text.length - m.index - m[0].length >= 2) return true;
  }
  return false;
}

/**
 * Enumeration claims: listed items and the count that counts them (A、B、C和D等4个村;
 * A、B两家企业). With 等 the list may be shorter than the count, never longer.
 */
export function enumerationClaims(s: SentenceShape, content: string, out: Claim[], headings: ReadonlyArray<{ start: number }> = []): void {
  s.quantities.forEach((q, n) => {
    if (!isCount(q.family) || NOT_COUNTED.has(q.family!)) return;
    enumeration(s, content, q, s.at[n], out);
    listAfter(s, content, q, s.at[n], out);
    listInBrackets(s, content, q, s.at[n], out);
    if (q.value >= 2) pointsAfter(s, content, q, s.at[n], headings, out);
  });
}

function enumerationClaim(content: string, q: Quantity, items: number, etc: boolean, listStart: number, listEnd: number, start: number, end: number): Claim {
  const claim: Claim = {
    kind: 'enumeration',
    start,
    end,
    values: { items, count: q.value, etc: etc ? 1 : 0 },
    text: { countText: content.slice(q.start, q.end), list: content.slice(listStart, listEnd) },
    spans: { count: { start: q.start, end: q.end } },
  };
  claim.reason = q.placeholder ? 'placeholder' : q.approx !== undefined || q.range ? 'approximate' : undefined;
  return claim;
}

/** After the count, a colon or 即/分别是/分别位于/依次为/包括 (a colon after them too), then the list to the end of the clause. */
const LIST_GAP = '[^\\ue000-\\uf8ff，,；;：:。．！？!?、]';
const LIST_WORDS = '分别是|分别为|分别位于|分别在|依次为|依次是|具体为|具体是|包括';
/**
 * 有12个村完成了改厕任务，分别是…: after a longer predicate of the counted noun, only a comma and a
 * word that opens a list (即 not of 即将) lead to it.
 */
const LIST_AFTER = new RegExp(`^(?:${LIST_GAP}{0,6}?(?:[：:]|[，,]?(?:即|${LIST_WORDS})[：:]?)|${LIST_GAP}{7,12}?[，,](?:即(?![将可时便使])|${LIST_WORDS})[：:]?)`, 'u');
/** Lists of points (一是…, 第一…) run over clauses: their first clause is not the list. */
const POINTS = /^(?:一是|第一|首先|（一）|\(一\)|1[.．、])/u;
const ITEM_MAX = 12;

/** 共整治河道3条：A、B、C、D; 三大产业：A、B、C和D. */
function listAfter(s: SentenceShape, content: string, q: Quantity, i: number, out: Claim[]): void {
  if (q.value < 2) return;
  const lead = LIST_AFTER.exec(s.shape.slice(i + 1, i + 20));
  if (!lead || lead[0].includes('的')) return;
  // “三项政策、一项改革”，即…: two counts share the list.
  for (let j = i - 1; j >= 0 && !isBoundary(s.shape, j); j--) if (isCount(quantityAt(s, j)?.family)) return;
  const from = i + 1 + lead[0].length;
  let to = from;
  while (to < s.shape.length && !isBoundary(s.shape, to) && !quantityAt(s, to)) to++;
  if (to < s.shape.length && quantityAt(s, to)) return;
  let list = s.shape.slice(from, to);
  const etc = LIST_END.test(list);
  if (etc) list = list.slice(0, -1);
  if (POINTS.test(list) || !list.includes('、')) return;
  if (list.split('、').some((item) => item.length > ITEM_MAX)) return;
  const items = countItems(list);
  if (items === undefined || items < 2) return;
  const listStart = offsetOf(s, from);
  // A list cut by a comma may go on in the next clause (抓好三件事：修路、治水，建设广场): only too many items tell.
  const open = etc || (to < s.shape.length && (s.shape[to] === '，' || s.shape[to] === ','));
  out.push(enumerationClaim(content, q, items, open, listStart, offsetOf(s, to), q.start, offsetOf(s, to)));
}

/** Classifiers of things a bracket after the count lists one by one (5个村（A、B…）, 3条河道（…）, 3类培训（…）). */
const LISTED_ONE_BY_ONE = new Set(['count:个', 'count:村', 'count:所', 'count:座', 'count:家', 'count:类', 'count:大', 'count:支', 'count:队', 'count:条']);
/** Kinds of administrative unit, named in brackets as what else a count of units takes in. */
const UNIT_KINDS = /^(?:省|自治区|直辖市|市|州|盟|地区|县|区|旗|特区|林区|镇|乡|苏木|街道|街|社区|村|居|居委会|农场|林场|场|管委会|开发区|园区)$/u;
/** Counted matters whose bracket names their kinds, not each of them (意见12条（交通、教育）). */
const MATTERS = /问题|隐患|意见|建议|诉求|线索|纠纷|案件|信息|事项|矛盾|信访/;
/** A bracket that names some of the counted things, or says something else of them: 含, 如, 其中. */
const NOT_ALL = /^(?:含|包含|如|例如|比如|其中|涉及|主要|重点|分别|共|合计|均|已|全部|每)/u;

/**
 * 全镇5个村（东湖村、西山村、南岭村、北坡村）完成改造: the counted noun, then the items in brackets.
 * Only names (no figure) separated by 、, all of the counted things (not 含…, 如…).
 */
function listInBrackets(s: SentenceShape, content: string, q: Quantity, i: number, out: Claim[]): void {
  if (q.value < 2) return;
  let open = i + 1;
  while (open < s.shape.length && open - i <= 7 && !isBoundary(s.shape, open) && !quantityAt(s, open) && BRACKET[s.shape.charCodeAt(open)] !== OPENS && s.shape[open] !== '、' && s.shape[open] !== '的') open++;
  const opener = s.shape[open];
  if (opener !== '（' && opener !== '(') return;
  const closer = opener === '（' ? '）' : ')';
  let to = open + 1;
  while (to < s.shape.length && to - open <= 120 && s.shape[to] !== closer && !quantityAt(s, to) && BRACKET[s.shape.charCodeAt(to)] !== OPENS) to++;
  if (s.shape[to] !== closer) return;
  let list = s.shape.slice(open + 1, to);
  if (!list.includes('、') || NOT_ALL.test(list)) return;
  const etc = LIST_END.test(list);
  if (etc) list = list.slice(0, -1);
  const names = list.split('、');
  if (names.some((item) => item.length === 0 || item.length > ITEM_MAX || /[，,；;：:]/.test(item))) return;
  // 28个县（市、区）, 12个村（社区、居）: other kinds of unit the count takes in, not its items.
  if (names.every((item) => UNIT_KINDS.test(item))) return;
  const items = countItems(list);
  if (items === undefined || items < 2) return;
  // 调处纠纷12件（土地、婚姻、邻里）, 排查隐患9处（东村、西村）: the bracket may name kinds or places of the
  // counted things, fewer than they are; only named things (村, 所, 座 …) are listed one by one.
  const fewerAllowed = etc || !LISTED_ONE_BY_ONE.has(q.family!) || MATTERS.test(s.shape.slice(Math.max(clauseStart(s.shape, i), i - 10), open));
  const listStart = offsetOf(s, open + 1);
  out.push(enumerationClaim(content, q, items, fewerAllowed, listStart, listStart + list.length, q.start, offsetOf(s, to + 1)));
}

/**
 * A quoted list and the slogan that counts it: “清垃圾、清河塘、清杂物”“三清”行动, or “三改”（改厕、改厨、改圈）.
 * Only when every item holds the slogan's word, so that the slogan is the list's own name.
 */
const SLOGAN_AFTER = /“([^“”\n]{3,80})”“([两二三四五六七八九十])([\u4e00-\u9fff]{1,2})”/uy;
const SLOGAN_BEFORE = /“([两二三四五六七八九十])([\u4e00-\u9fff]{1,2})”[（(]([^（()）\n]{3,80})[）)]/uy;
const SLOGAN_NUMERALS = '两二三四五六七八九十';

/**
 * Where each slogan pattern can start. Both hold an opening quote right before a numeral (“三);
 * SLOGAN_BEFORE starts there, SLOGAN_AFTER at the quote that opens the list before ”“三 (the
 * nearest one: its list holds no quote). One walk over the quotes, then each pattern is tried only
 * at its starts, left to right and past the previous match, as matchAll would find them.
 */
function sloganStarts(content: string): { after: number[]; before: number[] } {
  const starts = { after: [] as number[], before: [] as number[] };
  for (let i = content.indexOf('“'); i !== -1; i = content.indexOf('“', i + 1)) {
    if (i + 1 >= content.length || !SLOGAN_NUMERALS.includes(content[i + 1])) continue;
    starts.before.push(i);
    if (i < 2 || content[i - 1] !== '”') continue;
    const open = content.lastIndexOf('“', i - 2);
    if (open !== -1 && open !== starts.after[starts.after.length - 1]) starts.after.push(open);
  }
  return starts;
}

function* matchesAt(re: RegExp, content: string, starts: number[]): Generator<RegExpExecArray> {
  let next = 0;
  for (const at of starts) {
    if (at < next) continue;
    re.lastIndex = at;
    const m = re.exec(content);
    if (!m) continue;
    next = at + m[0].length;
    yield m;
  }
}

export function sloganClaims(content: string, out: Claim[]): void {
  const starts = sloganStarts(content);
  for (const m of matchesAt(SLOGAN_AFTER, content, starts.after)) {
    const numberStart = m.index + m[0].length - m[3].length - 2;
    slogan(content, m[1], m.index + 1, m[2], m[3], numberStart, m.index, m.index + m[0].length, out);
  }
  for (const m of matchesAt(SLOGAN_BEFORE, content, starts.before)) {
    const listStart = m.index + m[0].length - 1 - m[3].length;
    slogan(content, m[3], listStart, m[1], m[2], m.index + 1, m.index, m.index + m[0].length, out);
  }
}

function slogan(content: string, list: string, listStart: number, numeral: string, word: string, numberStart: number, start: number, end: number, out: Claim[]): void {
  if (!list.includes('、') || !list.split('、').every((item) => item.includes(word[0]))) return;
  const items = countItems(list);
  const count = parseChineseNumber(numeral)?.value;
  if (items === undefined || count === undefined) return;
  const q = { start: numberStart, end: numberStart + 1 + word.length, value: count } as Quantity;
  out.push(enumerationClaim(content, q, items, false, listStart, listStart + list.length, start, end));
}

const SMALL_CHINESE = /^[两二三四五六七八九]$/;
const SMALL_ARABIC = /^[2-9２-９]$/;
const COLLECTIVE = new RegExp(`^(?:${WORDS.collective.join('|')})`, 'u');
/** 3个示范村, 4支专业队伍: a collective noun with its modifier. */
const MODIFIED_COLLECTIVE = new RegExp(`^(?:${WORDS.collectiveModifiers.join('|')})(?:${WORDS.collective.join('|')})`, 'u');

/**
 * Without 等, a count right after a list usually counts objects, not the list's items (新建、改扩建
 * 机场50个; 十大考古新发现). It counts the items only in the short form A、B两家企业: a Chinese
 * numeral from 2 to 9 with a classifier other than 大, after a list of short names that starts
 * a clause.
 */
function countsItems(s: SentenceShape, content: string, q: Quantity, list: string, listStart: number): boolean {
  if (listStart > 0 && quantityAt(s, listStart - 1) !== undefined) return false;
  const digits = content.slice(q.numberStart, q.numberEnd);
  // 十大考古新发现 counts objects; 农村道路、安全饮水、危房改造、污水治理四大工程 names each of its few.
  if (!list.includes('、') || (q.unit === '大' && !SMALL_CHINESE.test(digits))) return false;
  // An Arabic count counts the items only before a noun naming them (东岭、南坪、北湾3个村的): 新建、改建公厕3座 counts toilets.
  const items = list.split('、').map((item) => item.trim());
  if (!items.every((item) => item.length >= 2 && item.length <= 6)) return false;
  if (SMALL_CHINESE.test(digits)) return true;
  if (!SMALL_ARABIC.test(digits)) return false;
  const noun = content.slice(q.end, q.end + 7);
  // Two-character items before a modified noun are as often actions (创建、巩固、提升3个示范村) as names.
  return COLLECTIVE.test(noun) || (MODIFIED_COLLECTIVE.test(noun) && items.some((item) => item.length > 2));
}

/** Whether `list` closes a quote or bracket it did not open. */
function closesUnopened(list: string): boolean {
  let depth = 0;
  for (let i = 0; i < list.length; i++) {
    const c = BRACKET[list.charCodeAt(i)];
    if (c === OPENS) depth++;
    else if (c === CLOSES && --depth < 0) return true;
  }
  return false;
}

/** Quoted items side by side, a 、 between them or not (GB/T 15834 §4.5.3.5): “一村一品”“一乡一业”两项工程. */
const QUOTED_ITEMS = /(?:“[^“”、，。]{1,12}”、?){2,}$/u;

function enumeration(s: SentenceShape, content: string, q: Quantity, i: number, out: Claim[]): void {
  // A、B、C和D共3个村: 共 between the list and its count sums the items up (等共 leaves it open).
  const sum = i > 1 && s.shape[i - 1] === '共' ? 1 : 0;
  const etc = i > sum && s.shape[i - 1 - sum] === '等';
  const listEnd = i - sum - (etc ? 1 : 0);
  if (!etc && s.shape[i - 1] === '”') {
    const quoted = QUOTED_ITEMS.exec(s.shape.slice(Math.max(0, listEnd - 80), listEnd));
    const digits = content.slice(q.numberStart, q.numberEnd);
    if (quoted && SMALL_CHINESE.test(digits) && !quoted[0].includes('、')) {
      const listStart = listEnd - quoted[0].length;
      const items = quoted[0].split('”“').length;
      out.push(enumerationClaim(content, q, items, false, offsetOf(s, listStart), offsetOf(s, listEnd), offsetOf(s, listStart), q.end));
      return;
    }
  }
  // “访民情、解民忧、暖民心”三项行动: a quoted list of 、-separated items, counted by a small Chinese numeral right after it.
  if (!etc && s.shape[listEnd - 1] === '”' && quotedList(s, content, q, listEnd, out)) return;
  // Without 等 the count must follow the last item directly (A、B两家企业), not 的 or a verb.
  if (!etc && (!ITEM_END.test(s.shape[listEnd - 1] ?? '') || NOT_ITEM_END.test(s.shape[listEnd - 1]))) return;
  let listStart = listEnd;
  while (listStart > 0 && !isBoundary(s.shape, listStart - 1) && !quantityAt(s, listStart - 1)) listStart--;
  const list = s.shape.slice(listStart, listEnd);
  // Without 等 only a list of 、-separated names can be counted (countsItems): most counts follow none.
  if (!etc && !list.includes('、')) return;
  // “人多地少，小生产、大市场，投入高、产出低”三大矛盾: a quote or bracket opened before the clause holds a longer list.
  if (closesUnopened(list)) return;
  if (LIST_END.test(list)) return;
  const items = countItems(list);
  if (items === undefined || items < 2) return;
  if (!etc && !countsItems(s, content, q, list, listStart)) return;
  out.push(enumerationClaim(content, q, items, etc, offsetOf(s, listStart), offsetOf(s, listEnd), offsetOf(s, listStart), q.end));
}

/** The quote that ends at listEnd, within its clause, holding a list of 、-separated items: claimed when a small Chinese numeral counts it. */
function quotedList(s: SentenceShape, content: string, q: Quantity, listEnd: number, out: Claim[]): boolean {
  const open = s.shape.lastIndexOf('“', listEnd - 2);
  if (open < 0 || listEnd - open > 60) return false;
  const inner = s.shape.slice(open + 1, listEnd - 1);
  if (!inner.includes('、') || inner.includes('“') || inner.includes('”') || !SMALL_CHINESE.test(content.slice(q.numberStart, q.numberEnd))) return false;
  for (let k = 0; k < inner.length; k++) if (isBoundary(inner, k) || quantityAt(s, open + 1 + k)) return false;
  const items = countItems(inner);
  if (items === undefined || items < 2) return false;
  out.push(enumerationClaim(content, q, items, false, offsetOf(s, open + 1), offsetOf(s, listEnd - 1), offsetOf(s, open), q.end));
  return true;
}

/**
 * 重点抓好三个方面：一是…；二是…；三是…: a count before a colon, and the points that follow it
 * numbered 一是, 二是 … (or 第一，第二，…), across clauses, sentences and paragraphs up to the next
 * heading. The points run while they count on by one; a restart (一是), a gap or a repeat ends them.
 * Only more points than the count is a claim to check: a list may go on unnumbered (此外…), so fewer
 * says nothing.
 */
const POINT = '(?:([一二三四五六七八九十]{1,2})是|第([一二三四五六七八九十]{1,2})(?=[，,、：:]))';
const NEXT_POINT = new RegExp(`[。；;，,：:！？!?）)\\s\\u3000]${POINT}`, 'gu');
const POINTS_MAX = 20;
/** How many characters may stand between the count and the colon (三个方面工作：). */
const COUNT_REACH = 8;
const COLON_CODE = new Uint8Array(0x10000);
for (const c of '：:') COLON_CODE[c.charCodeAt(0)] = 1;
const SPACE = /[\s\u3000]/;
const AFTER_DI = /[，,、：:]/;

/**
 * The count at shape position i, then a colon, then the first point (一是 or 第一，) right after it,
 * in this sentence or, after the colon that ends it, at the start of the next line: read from the
 * counts the sentence walk meets, as a pattern over the whole text cost more than this extraction.
 */
function pointsAfter(s: SentenceShape, content: string, q: Quantity, i: number, headings: ReadonlyArray<{ start: number }>, out: Claim[]): void {
  let c = i + 1;
  while (c < s.shape.length && c - i <= COUNT_REACH && COLON_CODE[s.shape.charCodeAt(c)] !== 1 && !isBoundary(s.shape, c) && !quantityAt(s, c)) c++;
  if (COLON_CODE[s.shape.charCodeAt(c)] !== 1) return;
  const colon = offsetOf(s, c);
  let at = colon + 1;
  while (at < content.length && SPACE.test(content[at])) at++;
  const family = content.startsWith('一是', at) ? 1 : content.startsWith('第一', at) && AFTER_DI.test(content[at + 2] ?? '') ? 2 : 0;
  if (family === 0 || q.approx !== undefined || q.placeholder || q.range) return;
  points(content, headings, q, at + 2, family, colon, out);
}

/** The points after the first (which ends at `from`), and the claim when they outnumber the count. */
function points(content: string, headings: ReadonlyArray<{ start: number }>, q: Quantity, from: number, family: number, colon: number, out: Claim[]): void {
  const count = q.value;
  const countAt = q.start;
  // The first heading after the points start (binary search: a document may hold thousands).
  let bi = 0;
  for (let hi = headings.length; bi < hi; ) {
    const mid = (bi + hi) >> 1;
    if (headings[mid].start <= from) bi = mid + 1;
    else hi = mid;
  }
  const limit = bi < headings.length ? headings[bi].start : content.length;
  // Inside an outer list of the same kind (三是抓好三件事：一是…), the outer one may resume right after
  // the inner one: its next point ends the inner list.
  const outer = outerNext(content, countAt, bi > 0 ? headings[bi - 1].start : 0, family);
  let n = 1;
  NEXT_POINT.lastIndex = from;
  for (let p = NEXT_POINT.exec(content); p && p.index < limit && n < POINTS_MAX; p = NEXT_POINT.exec(content)) {
    if ((p[1] ? 1 : 2) !== family) continue;
    const value = parseChineseNumber(p[1] ?? p[2])?.value;
    if (value !== n + 1 || value === outer) break;
    n = value;
  }
  if (n <= count) return;
  out.push(enumerationClaim(content, q, n, true, colon + 1, from, countAt, colon + 1));
}

/** The value the last point of `family` before `at` (back to `floor`) would be followed by, or 0. */
function outerNext(content: string, at: number, floor: number, family: number): number {
  const text = content.slice(Math.max(floor, at - 2000), at);
  let last = 0;
  NEXT_POINT.lastIndex = 0;
  for (let p = NEXT_POINT.exec(text); p; p = NEXT_POINT.exec(text)) if ((p[1] ? 1 : 2) === family) last = parseChineseNumber(p[1] ?? p[2])?.value ?? 0;
  return last > 0 ? last + 1 : 0;
}
