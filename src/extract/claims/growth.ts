import { fmt, stepOf, unusable, type Claim, type Reason } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { boundariesBetween, clauseStart, endOffset, offsetOf, Q, quantityAt, T, type SentenceShape } from '../sentence.js';
import { isAmount } from '../units.js';

const UP = ['增长', '增加', '提高', '提升', '上升', '上涨', '攀升', '扩大', '比增', '增'];
const DOWN = ['下降', '减少', '降低', '回落', '下滑', '下跌', '缩小', '收窄', '比降', '减', '降'];
const OPPOSITE: Record<string, string> = {
  '增长': '下降', '增加': '减少', '提高': '降低', '提升': '下降', '上升': '下降', '上涨': '下跌', '比增': '比降', '增': '降',
  '下降': '增长', '减少': '增加', '降低': '提高', '下跌': '上涨', '比降': '比增', '减': '增', '降': '增',
  '增幅': '降幅', '涨幅': '跌幅', '降幅': '增幅',
};
const DIR = [...UP, ...DOWN].sort((a, b) => b.length - a.length).join('|');
const RATE_PHRASE = new RegExp(
  `(?:(?<dir>${DIR})(?<link>了|达到|达|为|至|到|成)?|(?<fw>增幅|增速|涨幅|降幅|减幅)(?:为|达到|达|是)?)(?<q>${Q})|翻了?(?<fan>一|两|二|三|四)番`,
  'gu',
);
/** 由A增至B / 从A提高到B: both endpoints in one clause. */
const ENDPOINTS = new RegExp(`(?:由|从)${T}{0,12}?(?<a>${Q})${T}{0,6}?(?<vdir>${DIR})了?(?:至|到|为|成)${T}{0,8}?(?<b>${Q})`, 'gu');
/** A cheap test before ENDPOINTS, whose lazy gaps make it the costliest pattern here. */
const FROM = /由|从/;
/** 比上年的A / 较去年同期（A）, right before the rate's direction word. */
const COMPARED = new RegExp(`(?:比|较)${T}{0,8}?(?<a>${Q})${T}{0,3}$`, 'u');
/** 比上年增加C: a difference, followed by the rate. */
const DELTA = new RegExp(`(?:比|较)${T}{0,8}?(?<dd>${DIR})了?(?<d>${Q})`, 'gu');
/** Rates that are not the plain change between the two stated values. */
const NOT_COMPARABLE = /年均|年平均|平均每年|每年平均|平均增长|实际|可比|扣除价格|剔除价格/;
const HAS_QUANTITY = new RegExp(Q, 'u');
const RATE_LEAD = /^[，,]?(?:即|也就是|同比|环比|比上年|比去年|较上年|较去年|比上年同期|较去年同期|累计|总共|共|年均|年平均|平均每年|实际|按可比价格?计算|，|,|了|达|约|分别)*$/u;
const FAN: Record<string, number> = { '一': 1, '两': 2, '二': 2, '三': 3, '四': 4 };

type Mode = 'percent' | 'points' | 'times' | 'timesTo' | 'double';

function directionOf(word: string): 1 | -1 {
  return UP.includes(word) || word === '增幅' || word === '增速' || word === '涨幅' ? 1 : -1;
}

interface Base {
  now: Quantity;
  before?: Quantity;
  delta?: { q: Quantity; direction: 1 | -1 };
  verbDirection: number;
  /** 增至, 减少到 …: the word between the two values, when they are given as 由A…至B. */
  verb?: string;
  /** Shape index where the base starts. */
  from: number;
}

/** The values the rate is stated about, looking back from the rate phrase within the sentence. */
function findBase(s: SentenceShape, regionStart: number, rateStart: number): Base | undefined {
  const region = s.shape.slice(regionStart, rateStart);
  let last: RegExpExecArray | undefined;
  ENDPOINTS.lastIndex = 0;
  if (FROM.test(region)) for (let m = ENDPOINTS.exec(region); m; m = ENDPOINTS.exec(region)) last = m;
  if (last) {
    const bEnd = regionStart + last.index + last[0].length;
    if (leadsToRate(s.shape, bEnd, rateStart)) {
      const aAt = regionStart + last.index + last[0].indexOf(last.groups!.a);
      return {
        before: quantityAt(s, aAt),
        now: quantityAt(s, bEnd - 1)!,
        verbDirection: directionOf(last.groups!.vdir),
        verb: last.groups!.vdir,
        from: regionStart + last.index,
      };
    }
  }
  const clause = Math.max(regionStart, clauseStart(s.shape, rateStart));
  const compared = COMPARED.exec(s.shape.slice(clause, rateStart));
  if (compared) {
    const aAt = clause + compared.index + compared[0].indexOf(compared.groups!.a);
    const before = quantityAt(s, aAt)!;
    const now = nearestBefore(s, regionStart, clause + compared.index, before);
    if (now) return { now: now.q, before, verbDirection: 0, from: now.at };
  }
  DELTA.lastIndex = 0;
  let delta: RegExpExecArray | undefined;
  for (let m = DELTA.exec(region); m; m = DELTA.exec(region)) delta = m;
  if (delta) {
    const dAt = regionStart + delta.index + delta[0].length - 1;
    const d = quantityAt(s, dAt)!;
    if (isAmount(d.family) && leadsToRate(s.shape, dAt + 1, rateStart)) {
      const now = nearestBefore(s, regionStart, regionStart + delta.index, d);
      if (now) return { now: now.q, delta: { q: d, direction: directionOf(delta.groups!.dd) }, verbDirection: 0, from: now.at };
    }
  }
  return undefined;
}

/**
 * Whether the rate at `rateStart` is about the values ending at `from`: in the same clause or the
 * next, with nothing between but words such as 同比 or 年均 (技术合同成交额从A增加到B，科技型企业
 * 增长3.2倍 states a rate about something else).
 */
function leadsToRate(shape: string, from: number, rateStart: number): boolean {
  const between = shape.slice(from, rateStart);
  if (HAS_QUANTITY.test(between) || boundariesBetween(shape, from, rateStart) > 1) return false;
  return RATE_LEAD.test(between);
}

/** The quantity just before `at` (this clause or the one before), if it has the family of `like`. */
function nearestBefore(s: SentenceShape, regionStart: number, at: number, like: Quantity): { q: Quantity; at: number } | undefined {
  for (let i = at - 1; i >= regionStart; i--) {
    const q = quantityAt(s, i);
    if (!q) continue;
    if (boundariesBetween(s.shape, i, at) > 1) return undefined;
    return q.family === like.family ? { q, at: i } : undefined;
  }
  return undefined;
}

interface Range {
  computed: number;
  low: number;
  high: number;
}

function compute(mode: Mode, direction: 1 | -1, now: Quantity, before: { value: number; half: number }): Range | Reason {
  const nLow = now.value - now.half;
  const nHigh = now.value + now.half;
  const bLow = before.value - before.half;
  const bHigh = before.value + before.half;
  if (mode === 'points') {
    const diff = direction * (now.value - before.value);
    const slack = now.half + before.half;
    return { computed: diff, low: diff - slack, high: diff + slack };
  }
  if (!(bLow > 0) || nLow < 0) return 'not-comparable';
  const ratio = now.value / before.value;
  const rLow = nLow / bHigh;
  const rHigh = nHigh / bLow;
  switch (mode) {
    case 'percent':
      return direction > 0
        ? { computed: (ratio - 1) * 100, low: (rLow - 1) * 100, high: (rHigh - 1) * 100 }
        : { computed: (1 - ratio) * 100, low: (1 - rHigh) * 100, high: (1 - rLow) * 100 };
    case 'times':
      return direction > 0 ? { computed: ratio - 1, low: rLow - 1, high: rHigh - 1 } : 'not-comparable';
    default:
      return { computed: ratio, low: rLow, high: rHigh };
  }
}

function rateText(mode: Mode, n: number): string {
  if (mode === 'points') return `${fmt(n)}个百分点`;
  if (mode === 'percent') return `${fmt(n)}%`;
  return `${fmt(n)}倍`;
}

/** Growth claims: a stated rate of change (增长8.5%, 下降3个百分点, 增长2倍, 翻一番) with the values it is about. */
export function growthClaims(s: SentenceShape, content: string, out: Claim[]): void {
  let regionStart = 0;
  const usedEndpoints = new Set<number>();
  RATE_PHRASE.lastIndex = 0;
  for (let m = RATE_PHRASE.exec(s.shape); m; m = RATE_PHRASE.exec(s.shape)) {
    const g = m.groups!;
    const rate = g.q ? quantityAt(s, m.index + m[0].length - 1) : undefined;
    let mode: Mode;
    let stated: number;
    let step: number;
    if (g.fan) {
      mode = 'double';
      stated = 2 ** FAN[g.fan];
      step = 0.05 * stated;
    } else {
      if (!rate) continue;
      const to = g.link !== undefined && '至到为成'.includes(g.link);
      if (rate.family === 'percent' && !to) mode = 'percent';
      else if (rate.family === 'points' && !to) mode = 'points';
      else if (rate.family === 'times') mode = to ? 'timesTo' : 'times';
      else continue;
      stated = rate.number;
      // 增长3倍 for ×3 is the classic slip, one unit in the last digit: multiples get rounding only.
      // Point differences carry the endpoints' rounding in their interval already.
      step = mode === 'points' ? 1e-9 : mode === 'percent' ? stepOf(rate) : stepOf(rate) / 2;
    }
    const word = g.dir ?? g.fw ?? '翻番';
    const direction = g.fan ? 1 : directionOf(word);
    const phraseStart = offsetOf(s, m.index);
    const phraseEnd = endOffset(s, m.index + m[0].length);
    const base = findBase(s, regionStart, m.index);
    regionStart = m.index + m[0].length;
    if (base?.before) usedEndpoints.add(s.quantities.indexOf(base.before));

    const values: Record<string, number> = {
      rate: stated,
      direction,
      step,
      multiple: mode === 'times' || mode === 'timesTo' || mode === 'double' ? 1 : 0,
      points: mode === 'points' ? 1 : 0,
    };
    // Numbers a condition needs only for some claims stay unset elsewhere, so that rules about
    // decreases or negative rates are not even evaluated on the rest.
    if (rate?.negative) values.negative = 1;
    if (direction < 0) values.decrease = stated;
    if (base?.verbDirection) values.verbDirection = base.verbDirection;
    const rateRaw = content.slice(rate ? rate.start : phraseStart, phraseEnd);
    const text: Record<string, string> = { rateText: rateRaw, word };
    if (base?.verb) text.verb = base.verb;
    const claim: Claim = {
      kind: 'growth',
      start: base ? base.now.start < (base.before?.start ?? Infinity) ? base.now.start : base.before!.start : phraseStart,
      end: phraseEnd,
      label: word,
      values,
      text,
      spans: { statement: { start: phraseStart, end: phraseEnd } },
    };
    if (rate?.negative && OPPOSITE[word]) {
      const middle = content.slice(phraseStart + word.length, rate.numberStart);
      const digits = content.slice(rate.numberStart, rate.end).replace(/^(?:[-－−]|负)/, '');
      text.flipped = `${OPPOSITE[word]}${middle}${digits}`;
    }
    if (base) {
      const before = base.before
        ? base.before
        : { value: base.now.value - base.delta!.direction * base.delta!.q.value, half: base.now.half + base.delta!.q.half };
      values.now = base.now.value;
      values.before = before.value;
      text.nowText = content.slice(base.now.start, base.now.end);
      text.beforeText = base.before ? content.slice(base.before.start, base.before.end) : `${text.nowText} − ${content.slice(base.delta!.q.start, base.delta!.q.end)}`;
      const endpointsPercent = base.now.family === 'percent' && base.before?.family === 'percent';
      values.endpointsPercent = endpointsPercent ? 1 : 0;
      values.pointDiff = endpointsPercent ? direction * (base.now.number - base.before!.number) : 0;
      const span = content.slice(offsetOf(s, base.from), phraseStart);
      claim.reason = unusable([base.now, base.before, base.delta?.q, rate]);
      if (!claim.reason && NOT_COMPARABLE.test(span + word)) claim.reason = 'not-comparable';
      if (!claim.reason && NOT_COMPARABLE.test(content.slice(Math.max(s.start, phraseStart - 4), phraseStart))) claim.reason = 'not-comparable';
      if (!claim.reason && base.before && base.now.family !== base.before.family) claim.reason = 'unit-mismatch';
      if (!claim.reason && base.delta && base.now.family !== base.delta.q.family) claim.reason = 'unit-mismatch';
      if (!claim.reason && mode === 'points' && !endpointsPercent) claim.reason = 'unit-mismatch';
      if (!claim.reason) {
        const r = compute(mode, direction, base.now, before);
        if (typeof r === 'string') claim.reason = r;
        else {
          Object.assign(values, r);
          text.computedText = rateText(mode, r.computed);
        }
      }
    } else {
      claim.reason = rate?.placeholder ? 'placeholder' : 'missing-base';
    }
    out.push(claim);
  }
  endpointOnlyClaims(s, content, usedEndpoints, out);
}

/** 由A减至B with no rate: only the direction word can be checked against the numbers. */
function endpointOnlyClaims(s: SentenceShape, content: string, used: Set<number>, out: Claim[]): void {
  if (!FROM.test(s.shape)) return;
  ENDPOINTS.lastIndex = 0;
  for (let m = ENDPOINTS.exec(s.shape); m; m = ENDPOINTS.exec(s.shape)) {
    const aAt = m.index + m[0].indexOf(m.groups!.a);
    const before = quantityAt(s, aAt)!;
    const now = quantityAt(s, m.index + m[0].length - 1)!;
    if (used.has(s.quantities.indexOf(before))) continue;
    const verbDirection = directionOf(m.groups!.vdir);
    const claim: Claim = {
      kind: 'growth',
      start: before.start,
      end: now.end,
      label: m.groups!.vdir,
      values: { now: now.value, before: before.value, verbDirection, direction: verbDirection, multiple: 0, points: 0 },
      text: { nowText: content.slice(now.start, now.end), beforeText: content.slice(before.start, before.end), word: m.groups!.vdir, verb: m.groups!.vdir },
    };
    claim.reason = unusable([before, now]) ?? (before.family !== now.family ? 'unit-mismatch' : undefined);
    out.push(claim);
  }
}
