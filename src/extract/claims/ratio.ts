import { fmt, stepOf, unusable, type Claim, type ClaimKind } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { boundariesBetween, BOUNDARY, endOffset, offsetOf, Q, quantityAt, T, type SentenceShape } from '../sentence.js';
import { isAmount } from '../units.js';

/** 调结率90.13%, 占比35%, 比重达到60%: a named rate and its value. */
const NAMED_RATE = new RegExp(`(?<name>率|占比|比重|比例)(?:均)?(?:为|达到|达|是|保持在|稳定在|约为)?(?<q>${Q})`, 'gu');
/** 占全镇的10.1%, 为年度目标6亿元的86.7%, 完成全年任务的105%: a share of something, maybe with its amount. */
const SHARE = new RegExp(`(?<verb>占|为|是|达到|达|完成了?)(?<of>${T}{0,14}?)(?<den>${Q})?(?<tail>${T}{0,4}?)的(?<q>${Q})`, 'gu');
const LABEL_STOP = /[^\u3400-\u9fff]|[的为是达和及与、在其中共]/u;
const TARGET = /目标|计划|任务/;
const OVER = /超额完成|超计划|超目标|超额/;

/** Up to six characters of the rate's name, ending in 率. */
function labelBefore(content: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && end - i < 6 && !LABEL_STOP.test(content[i - 1])) i--;
  return content.slice(i, end);
}

interface Pair {
  numerator: Quantity;
  denominator: Quantity;
}

/**
 * The counts a rate is computed from: the numerator stands in a clause that names the rate's
 * action (调结111宗 for 调结率, 破18宗 for 破案率), the denominator is the nearest quantity of the
 * same unit before it. Only quantities after the previous rate count: a rate never borrows the
 * counts of a neighbouring statement.
 */
function findCounts(s: SentenceShape, content: string, regionStart: number, at: number, stem: string): Partial<Pair> {
  if (!stem) return {};
  let numerator: Quantity | undefined;
  let numAt = -1;
  for (let i = at - 1; i >= regionStart; i--) {
    const q = quantityAt(s, i);
    if (!q || !isAmount(q.family)) continue;
    if (boundariesBetween(s.shape, i, at) > 2) break;
    // The words that introduce this quantity alone: 办理建议395件、政协提案495件 does not make 495 办结.
    let from = i;
    while (from > 0 && !BOUNDARY.includes(s.shape[from - 1]) && s.shape[from - 1] !== '、' && !quantityAt(s, from - 1)) from--;
    if (content.slice(offsetOf(s, from), q.start).includes(stem[0])) {
      numerator = q;
      numAt = i;
    }
    break;
  }
  if (!numerator) return {};
  for (let i = numAt - 1; i >= regionStart; i--) {
    const q = quantityAt(s, i);
    if (!q) continue;
    if (boundariesBetween(s.shape, i, numAt) > 2) break;
    if (q.family === numerator.family) return { numerator, denominator: q };
  }
  return { numerator };
}

function fill(claim: Claim, content: string, rate: Quantity, numerator: Quantity | undefined, denominator: Quantity | undefined): void {
  claim.values.rate = rate.number;
  claim.values.step = stepOf(rate);
  claim.text.rateText = content.slice(rate.start, rate.end);
  claim.reason = unusable([rate]);
  if (numerator) {
    claim.values.numerator = numerator.value;
    claim.text.numeratorText = content.slice(numerator.start, numerator.end);
  }
  if (!numerator || !denominator) {
    // A completion percentage is checkable on its own (against 100%); a share needs its base.
    if (claim.kind !== 'completion') claim.reason ??= 'missing-base';
    return;
  }
  claim.start = Math.min(claim.start, numerator.start, denominator.start);
  claim.values.denominator = denominator.value;
  claim.text.denominatorText = content.slice(denominator.start, denominator.end);
  claim.reason ??= unusable([numerator, denominator]);
  if (claim.reason) return;
  if (numerator.family !== denominator.family) {
    claim.reason = 'unit-mismatch';
    return;
  }
  const dLow = denominator.value - denominator.half;
  if (!(dLow > 0)) {
    claim.reason = 'missing-base';
    return;
  }
  const computed = (numerator.value / denominator.value) * 100;
  claim.values.computed = computed;
  claim.values.low = ((numerator.value - numerator.half) / (denominator.value + denominator.half)) * 100;
  claim.values.high = ((numerator.value + numerator.half) / dLow) * 100;
  claim.text.computedText = `${fmt(computed)}%`;
}

/**
 * Ratio claims (a rate with its label, and the counts it follows from) and completion claims
 * (完成率, 完成年度任务的N%, 为目标B的Z%).
 */
export function ratioClaims(s: SentenceShape, content: string, out: Claim[]): void {
  const found: Found[] = [];

  NAMED_RATE.lastIndex = 0;
  for (let m = NAMED_RATE.exec(s.shape); m; m = NAMED_RATE.exec(s.shape)) {
    const rate = quantityAt(s, m.index + m[0].length - 1)!;
    if (rate.family !== 'percent') continue;
    const name = m.groups!.name;
    const nameEnd = offsetOf(s, m.index) + name.length;
    const label = name === '率' ? labelBefore(content, nameEnd, s.start) : name;
    if (label === '率') continue;
    const kind: ClaimKind = label.endsWith('完成率') ? 'completion' : 'ratio';
    const claim: Claim = { kind, start: nameEnd - label.length, end: endOffset(s, m.index + m[0].length), label, values: {}, text: { label } };
    found.push({ at: m.index, end: m.index + m[0].length, claim, rate, stem: name === '率' ? label.slice(-3, -1) : '' });
  }

  SHARE.lastIndex = 0;
  for (let m = SHARE.exec(s.shape); m; m = SHARE.exec(s.shape)) {
    const g = m.groups!;
    const rate = quantityAt(s, m.index + m[0].length - 1)!;
    if (rate.family !== 'percent' || found.some((f) => f.rate === rate)) continue;
    const of = g.of + (g.tail ?? '');
    const target = TARGET.test(of);
    // 增长到…的N% is a level, 为上年的N% a comparison: only shares and completions are claims here.
    if (g.verb !== '占' && !target) continue;
    const label = `${g.verb}${of.trim()}的`;
    const claim: Claim = { kind: target ? 'completion' : 'ratio', start: offsetOf(s, m.index), end: endOffset(s, m.index + m[0].length), label, values: {}, text: { label } };
    const denominator = g.den ? quantityAt(s, m.index + g.verb.length + g.of.length) : undefined;
    found.push({ at: m.index, end: m.index + m[0].length, claim, rate, stem: '', denominator });
  }

  if (found.length === 0) return;
  found.sort((a, b) => a.at - b.at);
  const overfulfilled = OVER.test(content.slice(s.start, s.end)) ? 1 : 0;
  let regionStart = 0;
  for (const f of found) {
    f.claim.values.overfulfilled = overfulfilled;
    const counts = f.denominator
      ? { numerator: amountJustBefore(s, regionStart, f.at, f.denominator), denominator: f.denominator }
      : findCounts(s, content, regionStart, f.at, f.stem);
    fill(f.claim, content, f.rate, counts.numerator, counts.denominator);
    regionStart = f.end;
    out.push(f.claim);
  }
}

interface Found {
  /** Shape range of the rate phrase. */
  at: number;
  end: number;
  claim: Claim;
  rate: Quantity;
  /** The rate's action (调结 for 调结率): the numerator's clause names it. */
  stem: string;
  /** Stated in the phrase itself (为目标6亿元的90%). */
  denominator?: Quantity;
}

/** 为目标B的Z%: the amount just before, in this clause or the one before, in B's unit. */
function amountJustBefore(s: SentenceShape, regionStart: number, at: number, like: Quantity): Quantity | undefined {
  for (let i = at - 1; i >= regionStart; i--) {
    const q = quantityAt(s, i);
    if (!q) continue;
    return boundariesBetween(s.shape, i, at) <= 1 && q.family === like.family ? q : undefined;
  }
  return undefined;
}
