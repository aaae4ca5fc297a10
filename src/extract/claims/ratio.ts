import { fmt, unusable, type Claim, type ClaimKind } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { clauseStart, endOffset, offsetOf, Q, quantityAt, T, type SentenceShape } from '../sentence.js';
import { complementOf, linkCounts, notLinked, otherUnitCounts, type Counts } from './ratio-links.js';

/**
 * 调结率90.13%, 占比35%, 比重达到60%, 占比分别为36.9%、28.5%, 覆盖率由52.3%提高到61.5%: a named
 * rate and its (latest) value.
 */
const NAMED_RATE = new RegExp(
  `(?<name>率|占比|比重|比例)(?:均|分别)?(?:(?:由|从)${Q}(?:提高|提升|上升|增加|增长|下降|降低|减少|回落)?了?(?:到|至)|为|达到|达|是|保持在|稳定在|约为)?[ \\u3000]?(?<q>${Q})`,
  'gu',
);
/**
 * 占全镇的10.1%, 为年度目标6亿元的86.7%, 完成全年任务的105%, 占地区生产总值46.8亿元的比重为42.4%:
 * a share of something, maybe with its amount.
 */
const SHARE_END = `的(?:比重|比例|份额)?(?:为|是|达到?)?(?<q>${Q})`;
const SHARE = new RegExp(`(?<verb>占|为|是|达到|达|完成了?)(?<of>${T}{0,14}?)(?<den>${Q})?(?<tail>${T}{0,4}?)${SHARE_END}`, 'gu');
/** How every SHARE match ends: a sentence without it (most) is spared SHARE's lazy look ahead from every 为 and 是. */
const SHARE_ENDS = new RegExp(SHARE_END, 'u');
/** What a completion written without 的 completes: 计划指标, 年度任务, 全年目标. */
const PLANNED = '(?:(?:全年|年度|本年度|今年|年|上半年|半年|季度)?(?:目标|计划|任务)|(?:年初|调整|全年|年度|本年|年)?预算)';
/** 完成计划指标152.9%, 完成年度任务108%: a completion written without 的 (占调整预算105.47% is read with BARE_SHARE). */
const BARE_COMPLETION = new RegExp(`完成了?(?<of>${PLANNED}(?:指标|任务|数)?)[ \\u3000]?(?<q>${Q})`, 'gu');
/** Whether a sentence may hold a BARE_COMPLETION, for a sentence that names no rate, share or 的. */
export const COMPLETION_HINT = new RegExp(`完成了?${PLANNED}`);
/** 其中甲892件、乙641件，分别占36.9%和28.5%: a series of shares, one per part listed before. */
const SERIES_SHARE = new RegExp(`分别(?<verb>占|为|是)(?:比为?)?(?<q>${Q})`, 'gu');
/** 其中加装电梯312户，占10.1%: a bare share of the whole stated before. */
const BARE_SHARE = new RegExp(`(?<!分别)占(?:(?<plan>${PLANNED}(?:指标|任务|数)?)|为|达到?|到)?[ \\u3000]?(?<q>${Q})`, 'gu');
/** What joins the values of a series: 36.9%、28.5%和22.0%. */
const SERIES_JOIN = '、和及与';
/** Words of a whole's name that name no particular count: 总数 (占调解总数的 → 调解). */
const GENERIC_WHOLE = /(?:的)?(?:总数|总量|总额|总和|总计|总)$/;
/** The scope a whole is named with: 全市 of 占全市工业投资的 is not this town's 工业投资. */
const SCOPE = /^(?:全|本)(?:国|省|市|州|县|区|镇|乡|村|街道)?/;
const LABEL_MAX = 9;
/** 覆盖率达91.3%, 普及率92.7%: the share of the whole the part just counted makes up (全镇23个行政村中已有21个村…). */
const BARE_COVERAGE = /^(?:覆盖|普及)率$/;
/** 所占 before 比重 or 比例: the share of a part, its subject not named. */
const SHARE_OF = /^所?占$/;
const GROWTH_LABEL = /(?:增长|下降|减少|降低|提高|上升|提升|增)(?:率|比例)$/;
const LABEL_STOP = /[^\u3400-\u9fff]|[的为是达和及与、在其中共]/u;
/** What a completion is measured against; 占一般公共预算收入的 names an amount, not a plan. */
const TARGET = /目标|计划|任务|预算(?!收入|支出)|序时进度/;
const OVER = /超额|超计划|超目标|超任务|超预算|超收|超序时进度|超过序时进度/;

/** Words that may stand before 占 without naming a subject: 分别占, 约占, 仅占, 其中占. */
const SHARE_ADVERBS = /分别|其中|合计|共计|约|仅|只|共|均|则|即|已|达|各/g;

/**
 * What a share's own clause names as its part when it holds no count (冻鳟鱼出口占全国…的98.5%):
 * the numerator is then the count those words name, not the nearest one. Empty when the clause
 * starts with the verb (，占10.1%) or holds its count (其中水田1.2万亩占40%).
 */
function shareSubject(s: SentenceShape, content: string, at: number): string {
  const from = clauseStart(s.shape, at);
  for (let i = from; i < at; i++) if (quantityAt(s, i)) return '';
  return content.slice(offsetOf(s, from), offsetOf(s, at)).replace(SHARE_ADVERBS, '');
}

/** The rate's name, ending in 率, back to a word that cannot be part of it; 达 of 达标率 and 及 of 普及率, 及格率 are part of it. */
function labelBefore(content: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && end - i < LABEL_MAX && (!LABEL_STOP.test(content[i - 1]) || inWord(content, i - 1))) i--;
  return content.slice(i, end);
}

/**
 * The rate's name as the message shows it: a name cut at LABEL_MAX (农村生活垃圾无害化处理率 read as
 * 活垃圾无害化处理率) is read on back to the word before it, up to twice as far, else marked cut.
 */
function shownLabel(content: string, start: number, label: string, floor: number): string {
  if (label.length < LABEL_MAX) return label;
  let i = start - labelBefore(content, start, floor).length;
  // After a count, its classifier is no part of the name (12个国省控断面…: 国省控断面…).
  if (i > floor && i < start && /[0-9０-９]/.test(content[i - 1])) i++;
  return (i > floor && start - i >= LABEL_MAX && !LABEL_STOP.test(content[i - 1]) ? '…' : '') + content.slice(i, start) + label;
}

/** 达 of 达标, 及 of 普及 and 及格: a stop character inside a rate's word. */
function inWord(content: string, i: number): boolean {
  const c = content[i];
  if (c === '达') return content[i + 1] === '标';
  return c === '及' && (content[i - 1] === '普' || content[i + 1] === '格');
}

/** A rate phrase found in the sentence, before its counts are looked for. */
export interface Found {
  /** Shape range of the rate phrase. */
  at: number;
  end: number;
  claim: Claim;
  rate: Quantity;
  /** The rate's action or subject (调结 for 调结率, 优良天数 for 优良天数比例): the numerator's words name it. */
  stem: string;
  /** Stated in the phrase itself (为目标6亿元的90%). */
  denominator?: Quantity;
  /**
   * The whole as the phrase names it (调解 of 占调解总数的35.8%, 工业投资 in 全市 of
   * 占全市工业投资的): the base is the count so named, in that scope.
   */
  whole?: { name: string; scope: string };
  /** One of a list of named rates given their values together (解决率、满意率分别达…): no counts are sought. */
  listed?: boolean;
  /** The i-th of a 分别 series of n values (0 and 1 when alone), and all the series' values. */
  index: number;
  of: number;
  series: Quantity[];
}

/** The later values of a series after the rate at shape position `at`: 36.9%、28.5%和22.0%. */
function seriesAfter(s: SentenceShape, at: number, family: Quantity['family']): number[] {
  const more: number[] = [];
  for (let i = at + 1; i + 1 < s.shape.length && SERIES_JOIN.includes(s.shape[i]); i += 2) {
    const q = quantityAt(s, i + 1);
    if (!q || q.family !== family) break;
    more.push(i + 1);
  }
  return more;
}

/** The rate names listed before the one ending at `start`: 诉求解决率、 of 诉求解决率、满意率. */
function listedRates(content: string, start: number, floor: number): string[] {
  const names: string[] = [];
  for (let at = start; at - 1 > floor && SERIES_JOIN.includes(content[at - 1]) && names.length < 8; ) {
    const name = labelBefore(content, at - 1, floor);
    if (!name.endsWith('率') || name === '率') break;
    names.unshift(name);
    at -= name.length + 1;
  }
  return names;
}

/** One claim per value of the series that starts with `first`, sharing its label. */
function addSeries(s: SentenceShape, found: Found[], taken: Quantity[], first: Omit<Found, 'index' | 'of' | 'series'>, kind: ClaimKind, label: string, shown = label): void {
  const rest = seriesAfter(s, first.end - 1, first.rate.family);
  const of = rest.length + 1;
  const series = [first.rate];
  for (const at of rest) series.push(quantityAt(s, at)!);
  found.push(foundOf(first, first.end, first.claim, first.rate, 0, of, series));
  for (const rate of series) taken.push(rate);
  // Every value keeps the phrase's start: the counts of a series stand before its first value.
  rest.forEach((at, i) => {
    const rate = quantityAt(s, at)!;
    const claim: Claim = { kind, start: rate.start, end: rate.end, label, values: {}, text: { label: shown } };
    found.push(foundOf(first, at + 1, claim, rate, i + 1, of, series));
  });
}

/**
 * One Found, every field set in one order: spreading phrases of differing shapes took V8's slow
 * object-clone path, the costliest step of this extraction.
 */
function foundOf(first: Omit<Found, 'index' | 'of' | 'series'>, end: number, claim: Claim, rate: Quantity, index: number, of: number, series: Quantity[]): Found {
  return { at: first.at, end, claim, rate, stem: first.stem, denominator: first.denominator, whole: first.whole, listed: first.listed, index, of, series };
}

function isRate(q: Quantity): boolean {
  return q.family === 'percent' || q.family === 'permille';
}

function fill(claim: Claim, content: string, rate: Quantity, counts: Counts): void {
  const { numerator, denominator } = counts;
  claim.values.rate = rate.number;
  // Compared at the written precision, half-up or half-even alike: half a unit of the last digit.
  claim.values.step = 0.5 * 10 ** -rate.decimals + 1e-9;
  claim.text.rateText = content.slice(rate.start, rate.end);
  claim.reason = unusable([rate]);
  if (numerator) {
    claim.values.numerator = numerator.value;
    claim.text.numeratorText = counts.numeratorText ?? content.slice(numerator.start, numerator.end);
  }
  if (!numerator || !denominator) {
    // A completion percentage is checkable on its own (against 100%); a share needs its base.
    if (claim.kind !== 'completion') claim.reason ??= counts.notLinked ? 'not-linked' : 'missing-base';
    return;
  }
  claim.start = Math.min(claim.start, numerator.start, denominator.start);
  claim.end = Math.max(claim.end, numerator.end, denominator.end);
  claim.values.denominator = denominator.value;
  claim.text.denominatorText = content.slice(denominator.start, denominator.end);
  claim.reason ??= unusable([numerator, denominator]);
  if (claim.reason) return;
  if (numerator.family !== denominator.family) {
    claim.reason = 'unit-mismatch';
    return;
  }
  let nValue = numerator.value;
  let nHalf = numerator.half;
  if (counts.complement) {
    // 抽检240批，不合格3批，合格率98.75%: what the rate counts is the rest of the whole.
    nValue = denominator.value - numerator.value;
    nHalf = denominator.half + numerator.half;
    claim.values.numerator = nValue;
    claim.text.numeratorText = `（${claim.text.denominatorText} − ${claim.text.numeratorText}）`;
  }
  const nLow = nValue - nHalf;
  const dLow = denominator.value - denominator.half;
  if (!(dLow > 0)) {
    claim.reason = 'missing-base';
    return;
  }
  const per = rate.family === 'permille' ? 1000 : 100;
  const computed = (nValue / denominator.value) * per;
  claim.values.computed = computed;
  claim.values.low = (nLow / (denominator.value + denominator.half)) * per;
  claim.values.high = ((nValue + nHalf) / dLow) * per;
  claim.text.computedText = `${fmt(computed)}${rate.family === 'permille' ? '‰' : '%'}`;
  // Numerator and denominator swapped: the stated rate is the base over the part.
  const step = claim.values.step;
  const swappedLow = nLow > 0 && !counts.complement ? (dLow / (nValue + nHalf)) * per : Number.NaN;
  const swappedHigh = nLow > 0 && !counts.complement ? ((denominator.value + denominator.half) / nLow) * per : Number.NaN;
  const right = rate.number >= claim.values.low - step && rate.number <= claim.values.high + step;
  claim.values.swapped = !right && rate.number >= swappedLow - step && rate.number <= swappedHigh + step ? 1 : 0;
  if (claim.values.swapped) claim.text.swappedText = `${fmt((denominator.value / numerator.value) * per)}${rate.family === 'permille' ? '‰' : '%'}`;
}

/** A completion written without 的 (完成计划指标152.9%, 占调整预算105.47%): the plan named is the whole. */
function bareCompletion(s: SentenceShape, found: Found[], taken: Quantity[], at: number, length: number, rate: Quantity, verb: string, of: string): void {
  const end = at + length;
  const label = `${verb}${of}`;
  const claim: Claim = { kind: 'completion', start: offsetOf(s, at), end: endOffset(s, end), label, values: {}, text: { label } };
  addSeries(s, found, taken, { at, end, claim, rate, stem: '', whole: { name: of.replace(GENERIC_WHOLE, ''), scope: '' } }, 'completion', label);
}

/**
 * Ratio claims (a rate with its label, and the counts it follows from) and completion claims
 * (完成率, 完成年度任务的N%, 为目标B的Z%). `previous` is the sentence just before in the same
 * paragraph, where a base stated once may stand (全县312个行政村。其中41个……占13.1%).
 */
export function ratioClaims(s: SentenceShape, content: string, out: Claim[], previous?: SentenceShape): void {
  const found: Found[] = [];
  // The rates already claimed, each by the first phrase that reads it: a few, so an array (a Set per
  // sentence was garbage for the collector in every sentence with a number).
  const taken: Quantity[] = [];

  SHARE.lastIndex = 0;
  for (let m = SHARE_ENDS.test(s.shape) ? SHARE.exec(s.shape) : null; m; m = SHARE.exec(s.shape)) {
    const g = m.groups!;
    const end = m.index + m[0].length;
    const rate = quantityAt(s, end - 1)!;
    if (!isRate(rate) || taken.includes(rate)) continue;
    const of = g.of + (g.tail ?? '');
    const target = TARGET.test(of);
    // 增长到…的N% is a level, 为上年的N% a comparison: only shares and completions are claims here.
    if (g.verb !== '占' && !target) continue;
    const label = `${g.verb}${of.trim()}的`;
    const kind: ClaimKind = target ? 'completion' : 'ratio';
    const claim: Claim = { kind, start: offsetOf(s, m.index), end: endOffset(s, end), label, values: {}, text: { label } };
    const denominator = g.den ? quantityAt(s, m.index + g.verb.length + g.of.length) : undefined;
    const named = of.trim().replace(GENERIC_WHOLE, '');
    const scope = SCOPE.exec(named)?.[0] ?? '';
    const whole = denominator || named.length === scope.length ? undefined : { name: named.slice(scope.length), scope };
    const stem = g.verb === '占' ? shareSubject(s, content, m.index) : '';
    addSeries(s, found, taken, { at: m.index, end, claim, rate, stem, denominator, whole }, kind, label);
  }

  BARE_COMPLETION.lastIndex = 0;
  for (let m = s.shape.includes('完成') ? BARE_COMPLETION.exec(s.shape) : null; m; m = BARE_COMPLETION.exec(s.shape)) {
    const rate = quantityAt(s, m.index + m[0].length - 1)!;
    if (rate.family !== 'percent' || taken.includes(rate)) continue;
    bareCompletion(s, found, taken, m.index, m[0].length, rate, '完成', m.groups!.of);
  }

  NAMED_RATE.lastIndex = 0;
  for (let m = NAMED_RATE.exec(s.shape); m; m = NAMED_RATE.exec(s.shape)) {
    const end = m.index + m[0].length;
    const rate = quantityAt(s, end - 1)!;
    if (!isRate(rate) || taken.includes(rate)) continue;
    const name = m.groups!.name;
    const nameEnd = offsetOf(s, m.index) + name.length;
    const before = labelBefore(content, nameEnd - (name === '率' ? 0 : name.length), s.start);
    const label = name === '率' ? before : `${before}${name}`;
    // 增长率, 增长比例, 下降率: a rate of change, which growth claims read, not a share.
    if (label === '率' || GROWTH_LABEL.test(label)) continue;
    const kindOf = (l: string): ClaimKind => (l.endsWith('完成率') ? 'completion' : 'ratio');
    const kind = kindOf(label);
    const shown = shownLabel(content, nameEnd - label.length, label, s.start);
    const claim: Claim = { kind, start: nameEnd - label.length, end: endOffset(s, end), label, values: {}, text: { label: shown } };
    // 调结率: its action is the two characters before 率; 优良天数比例: its subject is all before 比例.
    // A bare 覆盖率 or 普及率 names no action of its part: like 占比, it is linked by the part-of-whole words.
    // 所占比重, 所占比例: like 占比, the words name no subject.
    const stem = name === '率' ? (BARE_COVERAGE.test(label) ? '' : label.slice(-3, -1)) : SHARE_OF.test(before) ? '' : before;
    const first = found.length;
    addSeries(s, found, taken, { at: m.index, end, claim, rate, stem }, kind, label, shown);
    // 解决率、满意率分别达96.7%和97%: one name for each value, in order; their counts are not sought.
    const names = name === '率' ? listedRates(content, nameEnd - label.length, s.start) : [];
    if (names.length > 0 && names.length + 1 === found.length - first) {
      names.push(label);
      names.forEach((l, i) => {
        const f = found[first + i];
        f.claim.label = f.claim.text.label = l;
        f.claim.kind = kindOf(l);
        f.listed = true;
      });
    }
  }

  SERIES_SHARE.lastIndex = 0;
  for (let m = SERIES_SHARE.exec(s.shape); m; m = SERIES_SHARE.exec(s.shape)) {
    const end = m.index + m[0].length;
    const rate = quantityAt(s, end - 1)!;
    if (rate.family !== 'percent' || taken.includes(rate)) continue;
    const label = m.groups!.verb;
    const claim: Claim = { kind: 'ratio', start: offsetOf(s, m.index), end: endOffset(s, end), label, values: {}, text: { label } };
    addSeries(s, found, taken, { at: m.index, end, claim, rate, stem: shareSubject(s, content, m.index) }, 'ratio', label);
  }

  BARE_SHARE.lastIndex = 0;
  for (let m = BARE_SHARE.exec(s.shape); m; m = BARE_SHARE.exec(s.shape)) {
    const end = m.index + m[0].length;
    const rate = quantityAt(s, end - 1)!;
    if (rate.family !== 'percent' || taken.includes(rate)) continue;
    // 占调整预算105.47%: a completion against the plan named between 占 and the rate.
    if (m.groups!.plan) {
      bareCompletion(s, found, taken, m.index, m[0].length, rate, '占', m.groups!.plan);
      continue;
    }
    const claim: Claim = { kind: 'ratio', start: offsetOf(s, m.index), end: endOffset(s, end), label: '占', values: {}, text: { label: '占' } };
    addSeries(s, found, taken, { at: m.index, end, claim, rate, stem: shareSubject(s, content, m.index) }, 'ratio', '占');
  }

  if (found.length === 0) return;
  found.sort((a, b) => a.at - b.at);
  const overfulfilled = OVER.test(content.slice(s.start, s.end)) ? 1 : 0;
  let regionStart = 0;
  // The counts of the rate before, when it had both: a 其中 part after it may be a part of either.
  let before: Counts | undefined;
  for (const f of found) {
    f.claim.values.overfulfilled = overfulfilled;
    let counts = linkCounts(s, content, regionStart, f, previous);
    if (counts.numerator && !counts.denominator && before) counts = subRateCounts(s, content, f, counts.numerator, before) ?? counts;
    if (!counts.numerator || !counts.denominator) counts.notLinked = notLinked(s, content, f);
    else if (f.stem) counts.complement = complementOf(content, s, f, counts.numerator);
    counts = otherUnitCounts(s, counts, f.rate) ?? counts;
    fill(f.claim, content, f.rate, counts);
    before = f.of === 1 && counts.numerator && counts.denominator && !counts.complement && !counts.numeratorText ? counts : undefined;
    // A series shares the region of its first value; the next statement starts after its last.
    if (f.index === f.of - 1) regionStart = f.end;
    out.push(f.claim);
  }
}

/** 其中 right before the part's words: 其中按期办结118件. */
const SUB_PART = /其中[^，,；;。：:]{0,12}$/u;

/**
 * 受理126件，办结120件，办结率95.2%，其中按期办结118件，按期办结率98.3%: the part after 其中 is counted in
 * what the rate before counted or in its whole (按期办结率 is read either way); the base is the one of
 * the two its rate fits better, so that only a rate that fits neither is reported.
 */
function subRateCounts(s: SentenceShape, content: string, f: Found, part: Quantity, before: Counts): Counts | undefined {
  if (!f.stem || part.start < before.denominator!.end || part.start < before.numerator!.end) return undefined;
  const lead = content.slice(Math.max(s.start, part.start - 14), part.start);
  // 其中未按期办结8件: what the rate does not count is read against its whole elsewhere, not here.
  if (!SUB_PART.test(lead) || /[未不没]/u.test(lead.slice(lead.lastIndexOf('其中')))) return undefined;
  const per = f.rate.family === 'permille' ? 1000 : 100;
  let best: Quantity | undefined;
  let error = Infinity;
  for (const base of [before.numerator!, before.denominator!]) {
    if (base.family !== part.family || !(base.value >= part.value) || !(base.value > 0)) continue;
    const e = Math.abs((part.value / base.value) * per - f.rate.number);
    if (e < error) {
      error = e;
      best = base;
    }
  }
  return best ? { numerator: part, denominator: best } : undefined;
}
