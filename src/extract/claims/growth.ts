import { fmt, stepOf, unusable, type Claim, type Reason } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { boundariesBetween, clauseStart, endOffset, isBoundary, offsetOf, Q, quantityAt, quantityIndex, T, type SentenceShape } from '../sentence.js';
import { isAmount } from '../units.js';
import { parseChineseInteger } from '../../model/numerals.js';

const UP = ['增长', '增加', '提高', '提升', '上升', '上涨', '攀升', '扩大', '比增', '增'];
const DOWN = ['下降', '减少', '降低', '回落', '下滑', '下跌', '缩小', '收窄', '压缩', '比降', '减', '降'];
const OPPOSITE: Record<string, string> = {
  '增长': '下降', '增加': '减少', '提高': '降低', '提升': '下降', '上升': '下降', '上涨': '下跌', '比增': '比降', '增': '降',
  '下降': '增长', '减少': '增加', '降低': '提高', '下跌': '上涨', '比降': '比增', '减': '增', '降': '增',
  '增幅': '降幅', '涨幅': '跌幅', '降幅': '增幅',
};
const DIR = [...UP, ...DOWN].sort((a, b) => b.length - a.length).join('|');
const STATED_RATE = `(?:(?<dir>${DIR})(?<link>了|达到|达|为|至|到|成)?|(?<fw>增幅|增速|涨幅|降幅|减幅|增长比例|增长幅度|增长率|下降比例|下降幅度|减少比例|下降率)(?:为|达到了?|达|是)?)(?<q>${Q})`;
// 是上年同期2100人次的2.6倍: the earlier value inside the phrase.
const MULTIPLE_OF = `(?:是|为|相当于)(?<ofLead>${T}{0,8}?)(?<of>${Q})的(?<q2>${Q})`;
const DOUBLED = `(?<fanWord>翻了?(?<fan>一|两|二|三|四)?番)`;
const RATE_PHRASE = new RegExp(`${STATED_RATE}|${MULTIPLE_OF}|${DOUBLED}`, 'gu');
/**
 * RATE_PHRASE for a sentence with no quantity on both sides of a 的 (nearly all): MULTIPLE_OF
 * cannot match there and the other branches match alike, without its lazy look ahead from every 是 and 为.
 */
const RATE_PHRASE_PLAIN = new RegExp(`${STATED_RATE}|${DOUBLED}`, 'gu');
const OF_QUANTITY = new RegExp(`${Q}的${Q}`, 'u');
/** 翻番 hedged (近翻番, 翻了一番多) is not a claim of an exact multiple. */
const FAN_HEDGE_BEFORE = /(?:近|接近|将近|基本|几乎|超过|逾|力争|争取|确保|目标)$/;
const FAN_HEDGE_AFTER = /^(?:多|以上|有余)/;
/** The earlier value in brackets, before or after the rate: 9.46亿元（上年8.52亿元）, 增长12%（上年同期3.1亿元）. */
const PAREN_BASE = new RegExp(`[（(](?:比|较)?(?:上年同期|去年同期|上年度|上年末|去年末|上年|去年|同期)(?:为|是|：|:)?(?<pa>${Q})[）)]`, 'u');
const PAREN_BASE_ALL = new RegExp(PAREN_BASE.source, 'gu');
const PAREN_BASE_AT = new RegExp(PAREN_BASE.source, 'uy');
/** Last year's figure in a clause of its own: 48.6亿元，上年同期为41.2亿元，同比增长12.5% or 增长12.5%，去年同期为41.2亿元. */
const PRIOR_CLAUSE = `[，,](?:上年同期|去年同期|上年度|上年|去年)(?:的|为|是|：|:)*(?<pa>${Q})`;
const PRIOR_CLAUSE_ALL = new RegExp(PRIOR_CLAUSE, 'gu');
/** After the rate, the figure must close its clause: 去年同期为41.2亿元，其中… is still that figure; 去年为41.2亿元的基础上 is not a plain figure. */
const PRIOR_CLAUSE_AT = new RegExp(`${PRIOR_CLAUSE}(?=[，,；;。！？!?]|$)`, 'uy');
/** 比上年的30.12亿元， then the rate in the next clause: the comparison closes its own clause. */
const DIRECTION = new RegExp(DIR, 'u');
const COMPARED_CLAUSE = new RegExp(`(?:比|较)${T}{0,8}?(?<a>${Q})${T}{0,3}[，,]$`, 'u');
/** 增收, 减产: a direction word and what grew, before the difference. */
const GAIN = '(?:收|产|支)?';
/** A direction word right before a quantity: the quantity is a difference (增加12件, 增收1300万元). */
const DIFFERENCE = new RegExp(`(${DIR})${GAIN}了?$`, 'u');
/** 分别由A1、A2增加到B1、B2，分别增长r1和r2: pairs in order. */
const LIST = (name: string) => `(?<${name}>${Q}(?:[、和与及]${Q})+)`;
const PAIRS = new RegExp(
  `分别(?:由|从)${T}{0,10}?${LIST('as')}${T}{0,6}?(?<vdir>${DIR})了?(?:至|到|为|成)${T}{0,6}?${LIST('bs')}[，,]?${T}{0,6}?分别${T}{0,4}?(?<pdir>${DIR})了?${LIST('rs')}`,
  'gu',
);
/**
 * B1、B2，比上年末分别增加C1、C2，分别增长r1、r2: the values, their differences and the rates in
 * order (分别 may stand before 比, before the direction word or before the rates); each base is Bi−Ci.
 */
const DELTA_PAIRS = new RegExp(
  `${LIST('bs')}[，,]?${T}{0,4}?(?:比|较)${T}{0,8}?(?<dd>${DIR})${GAIN}了?${LIST('ds')}[，,]${T}{0,6}?(?<pdir>${DIR})了?${LIST('rs')}`,
  'gu',
);
/** 由A增至B / 从A提高到B: both endpoints in one clause. */
const ENDPOINTS = new RegExp(`(?:由|从)${T}{0,12}?(?<a>${Q})${T}{0,6}?(?<vdir>${DIR})了?(?:至|到|为|成)${T}{0,8}?(?<b>${Q})`, 'gu');
/** A cheap test before ENDPOINTS, whose lazy gaps make it the costliest pattern here. */
const FROM = /由|从/;
/** 比上年的A / 较去年同期（A） / 与上年的A相比, right before the rate's direction word. */
const COMPARED = new RegExp(`(?:(?:比|较)${T}{0,8}?(?<a>${Q})${T}{0,3}|与${T}{0,8}?(?<a2>${Q})${T}{0,2}?相比[，,]?)$`, 'u');
/** 比上年的A增加C: the earlier value and the difference, followed by the rate. */
const DELTA_FROM = new RegExp(`(?:比|较)${T}{0,8}?(?<a>${Q})${T}{0,2}?(?<dd>${DIR})${GAIN}了?[ \u3000]?(?<d>${Q})`, 'gu');
/** 比上年增加C: a difference, followed by the rate (a space typed or scraped before C, too). */
const BARE_DELTA = new RegExp(`${Q}[，,](?<dd>${DIR})${GAIN}了?[ \u3000]?(?<d>${Q})`, 'gu');
const DELTA = new RegExp(`(?:比|较)${T}{0,8}?(?<dd>${DIR})${GAIN}了?[ \u3000]?(?<d>${Q})`, 'gu');
/** An annual average: comparable with the values only as a compound rate over known years. */
const ANNUAL = /年均|年平均|平均每年|每年平均|平均增长/;
const REAL = /实际|可比|扣除价格|剔除价格/;
/** Indicators whose growth statistics state at comparable prices by convention. */
const REAL_PRICED = /生产总值|GDP|增加值/;
/**
 * How far a comparable-price rate may sit from the nominal one, in points: a price rise of up to
 * 8% a year puts it below, a fall of up to 2% above (growth; mirrored for a decrease).
 */
const PRICE_BAND = { up: 8, down: 2 };
const CLAUSE_END = /[，,；;。！？!?：:\n]/u;

/** Whether the clause before `at` names an indicator measured at comparable prices. */
function realPriced(content: string, at: number): boolean {
  let from = at;
  while (from > 0 && at - from < 40 && !CLAUSE_END.test(content[from - 1])) from--;
  return REAL_PRICED.test(content.slice(from, at));
}
const YEAR = /((?:19|20)\d\d)年/g;
const HAS_QUANTITY = new RegExp(Q, 'u');
const RATE_LEAD = /^[，,、]?(?:即|也就是|同比|环比|比上年|比去年|较上年|较去年|比上年同期|较去年同期|累计|总共|共|年均|年平均|平均每年|实际|按可比价格?计算|实现|，|,|、|了|达|约|分别)*$/u;
const FAN: Record<string, number> = { '一': 1, '两': 2, '二': 2, '三': 3, '四': 4 };

type Mode = 'percent' | 'points' | 'times' | 'timesTo' | 'double' | 'annual';

function directionOf(word: string): 1 | -1 {
  return UP.includes(word) || word.startsWith('增') || word === '涨幅' ? 1 : -1;
}

/** A value the rate is about: a stated quantity, or one computed from others (上年的A增加C). */
interface Value {
  value: number;
  half: number;
  family: Quantity['family'];
  text: string;
  /** The quantities it is read from (for placeholders and approximations). */
  from: Quantity[];
  /** Set when the value is stated as a percentage (for 个百分点 differences). */
  percent?: number;
}

interface Base {
  now: Value;
  before: Value;
  verbDirection: number;
  /** 增至, 减少到 …: the word between the two values, when they are given as 由A…至B. */
  verb?: string;
  /** Shape index where the base starts. */
  from: number;
  /** Content offsets where the statement starts and ends (the base may follow the rate). */
  start: number;
  end: number;
  /** Years between the two values, when the base says them (是2019年的2.4倍 in a 2024 sentence). */
  years?: number;
}

/**
 * 2024年……是2019年的2.4倍 / 比2019年增长1.4倍 / 比2019年增长140%, then 年均增长r%: the multiple since a
 * named year, and the annual rate it implies over the years up to the sentence's own year. Both are
 * relative, so 按可比价 applies to both alike.
 */
const MULTIPLE_SINCE = /(?:(?:是|为|相当于)((?:19|20)\d\d)年(?:同期)?的(\d+(?:\.\d+)?)倍|(?:比|较)((?:19|20)\d\d)年(?:同期)?(?:增长|增加)了?(\d+(?:\.\d+)?)(倍|%|％))([，,、]?(?:按可比价格?计算[，,]?)?)$/u;
const ANNUAL_LEAD = /(?:年均|年平均|平均每年)$/;
const JUN = '均'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);
const OWN_YEAR = /((?:19|20)\d\d)年(?!以来|来|起|以后|后|初|至|到|[—–~～-])/gu;

function multipleSince(s: SentenceShape, content: string, phraseStart: number, rateAt: number): Base | undefined {
  // Cheap first: 年均, 年平均 and 平均每年 end in 均 or 年.
  const last = content.charCodeAt(phraseStart - 1);
  if (last !== JUN && last !== NIAN) return undefined;
  const lead = ANNUAL_LEAD.exec(content.slice(Math.max(s.start, phraseStart - 4), phraseStart));
  if (!lead) return undefined;
  const leadStart = phraseStart - lead[0].length;
  const m = MULTIPLE_SINCE.exec(content.slice(Math.max(s.start, leadStart - 40), leadStart));
  if (!m) return undefined;
  const y0 = Number(m[1] ?? m[3]);
  const digits = m[2] ?? m[4];
  const start = leadStart - m[0].length;
  // The sentence's own year (2024年全县…), not the start of a period (2021年以来).
  let y1: number | undefined;
  OWN_YEAR.lastIndex = 0;
  const before = content.slice(s.start, start);
  for (let y = OWN_YEAR.exec(before); y; y = OWN_YEAR.exec(before)) y1 = Number(y[1]);
  if (y1 === undefined || y1 <= y0 || y1 - y0 > 30) return undefined;
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const half = 0.5 * 10 ** -decimals;
  const stated = Number(digits);
  const ratio = m[2] !== undefined ? stated : m[5] === '倍' ? stated + 1 : 1 + stated / 100;
  const ratioHalf = m[5] === '%' || m[5] === '％' ? half / 100 : half;
  const end = leadStart - m[6].length;
  return {
    before: { value: 1, half: 0, family: 'times', text: `${y0}年`, from: [] },
    now: { value: ratio, half: ratioHalf, family: 'times', text: `${y1}年（${content.slice(start, end)}）`, from: [] },
    verbDirection: 0,
    from: rateAt,
    start,
    end,
    years: y1 - y0,
  };
}

function valueOf(q: Quantity, content: string): Value {
  return { value: q.value, half: q.half, family: q.family, text: content.slice(q.start, q.end), from: [q], percent: q.family === 'percent' ? q.number : undefined };
}

/** A + direction × C: the value before or after a stated difference. */
function shifted(a: Value, d: Quantity, direction: number, content: string): Value {
  const sign = direction > 0 ? '+' : '−';
  return {
    value: a.value + direction * d.value,
    half: a.half + d.half,
    family: d.family === a.family ? a.family : undefined,
    text: `${a.text} ${sign} ${content.slice(d.start, d.end)}`,
    from: [...a.from, d],
  };
}

function baseOf(content: string, now: Quantity | Value, before: Quantity | Value, from: number, extra: { verbDirection?: number; verb?: string; end?: number } = {}): Base {
  const n = 'text' in now ? now : valueOf(now, content);
  const b = 'text' in before ? before : valueOf(before, content);
  let start = Infinity;
  let end = -Infinity;
  for (const q of n.from.concat(b.from)) {
    start = Math.min(start, q.start);
    end = Math.max(end, q.end);
  }
  return { now: n, before: b, verbDirection: extra.verbDirection ?? 0, verb: extra.verb, from, start, end: extra.end ?? end };
}

/** The last match of a global pattern in `text`: the one nearest the rate that follows. */
function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

/** The values the rate is stated about, looking back from the rate phrase within the sentence (or into the bracket after it). */
function findBase(s: SentenceShape, content: string, regionStart: number, rateStart: number, rateEnd: number): Base | undefined {
  const region = s.shape.slice(regionStart, rateStart);
  const last = FROM.test(region) ? lastMatch(ENDPOINTS, region) : undefined;
  if (last) {
    const bEnd = regionStart + last.index + last[0].length;
    if (leadsToRate(s.shape, bEnd, rateStart)) {
      const aAt = regionStart + last.index + last[0].indexOf(last.groups!.a);
      return baseOf(content, quantityAt(s, bEnd - 1)!, quantityAt(s, aAt)!, regionStart + last.index, {
        verbDirection: directionOf(last.groups!.vdir),
        verb: last.groups!.vdir,
      });
    }
  }
  // 9.46亿元（上年8.52亿元），比增12.6%
  const paren = lastMatch(PAREN_BASE_ALL, region);
  if (paren && paren.index > 0) {
    const nowAt = regionStart + paren.index - 1;
    const now = quantityAt(s, nowAt);
    const before = quantityAt(s, regionStart + paren.index + paren[0].length - 2)!;
    if (now && now.family === before.family && !DIFFERENCE.test(s.shape.slice(Math.max(0, nowAt - 4), nowAt)) && leadsToRate(s.shape, regionStart + paren.index + paren[0].length, rateStart)) {
      return baseOf(content, now, before, nowAt, { end: offsetOf(s, regionStart + paren.index + paren[0].length) });
    }
  }
  // 48.6亿元，上年同期为41.2亿元，同比增长12.5%
  const prior = s.shape.includes('年', regionStart) ? lastMatch(PRIOR_CLAUSE_ALL, region) : undefined;
  if (prior && prior.index > 0) {
    const nowAt = regionStart + prior.index - 1;
    const now = quantityAt(s, nowAt);
    const priorEnd = regionStart + prior.index + prior[0].length;
    const before = quantityAt(s, priorEnd - 1)!;
    if (now && now.family === before.family && !DIFFERENCE.test(s.shape.slice(Math.max(0, nowAt - 4), nowAt)) && leadsToRate(s.shape, priorEnd, rateStart)) {
      return baseOf(content, now, before, nowAt);
    }
  }
  // 3.68亿元，同比增长21.6%（上年同期3.14亿元）, or 同比增长21.6%，上年同期为3.14亿元
  PAREN_BASE_AT.lastIndex = rateEnd;
  PRIOR_CLAUSE_AT.lastIndex = rateEnd;
  const after = PAREN_BASE_AT.exec(s.shape) ?? PRIOR_CLAUSE_AT.exec(s.shape);
  if (after) {
    const before = quantityAt(s, rateEnd + after[0].length - (after[0].endsWith(')') || after[0].endsWith('）') ? 2 : 1))!;
    const now = nearestBefore(s, regionStart, rateStart, before);
    if (now && leadsToRate(s.shape, now.at + 1, rateStart)) {
      const end = offsetOf(s, rateEnd + after[0].length);
      // 比上年减少3起、下降20%（上年15起）: the quantity before the rate is the difference.
      const changed = DIFFERENCE.exec(s.shape.slice(Math.max(0, now.at - 4), now.at));
      if (!changed) return baseOf(content, now.q, before, now.at, { end });
      const b = valueOf(before, content);
      return baseOf(content, shifted(b, now.q, directionOf(changed[1]), content), b, now.at, { end });
    }
  }
  const clause = clauseStart(s.shape, rateStart, regionStart);
  const compared = COMPARED.exec(s.shape.slice(clause, rateStart));
  if (compared) {
    const aAt = clause + compared.index + compared[0].indexOf(compared.groups!.a ?? compared.groups!.a2);
    const before = quantityAt(s, aAt)!;
    const now = nearestBefore(s, regionStart, clause + compared.index, before);
    if (now) return baseOf(content, now.q, before, now.at);
  }
  // 比上年的62件增加17件，增长27.4%: the earlier value is stated, the later one is their sum.
  const deltaFrom = lastMatch(DELTA_FROM, region);
  if (deltaFrom) {
    const dAt = regionStart + deltaFrom.index + deltaFrom[0].length - 1;
    const d = quantityAt(s, dAt)!;
    const a = quantityAt(s, regionStart + deltaFrom.index + deltaFrom[0].indexOf(deltaFrom.groups!.a))!;
    if (isAmount(d.family) && d.family === a.family && leadsToRate(s.shape, dAt + 1, rateStart)) {
      const stated = nearestBefore(s, regionStart, regionStart + deltaFrom.index, d);
      const now = stated ? valueOf(stated.q, content) : shifted(valueOf(a, content), d, directionOf(deltaFrom.groups!.dd), content);
      return baseOf(content, now, a, stated?.at ?? regionStart + deltaFrom.index);
    }
  }
  const delta = lastMatch(DELTA, region);
  if (delta) {
    const dAt = regionStart + delta.index + delta[0].length - 1;
    const d = quantityAt(s, dAt)!;
    if (isAmount(d.family) && leadsToRate(s.shape, dAt + 1, rateStart)) {
      const now = nearestBefore(s, regionStart, regionStart + delta.index, d) ?? beforeShareClause(s, regionStart, regionStart + delta.index, d);
      if (now) return baseOf(content, now.q, shifted(valueOf(now.q, content), d, -directionOf(delta.groups!.dd), content), now.at);
    }
  }
  // 达11963元，增加1088元，增长11%: a difference opening the clause right after the value, with no 比上年
  // before it, is the change from the year before (a plan's targets and many summaries write it so).
  const bare = region.includes('，') || region.includes(',') ? lastMatch(BARE_DELTA, region) : undefined;
  if (bare) {
    const nowAt = regionStart + bare.index;
    const dAt = regionStart + bare.index + bare[0].length - 1;
    const now = quantityAt(s, nowAt)!;
    const d = quantityAt(s, dAt)!;
    if (isAmount(d.family) && now.family === d.family && leadsToRate(s.shape, dAt + 1, rateStart)) {
      return baseOf(content, now, shifted(valueOf(now, content), d, -directionOf(bare.groups!.dd), content), nowAt);
    }
  }
  // 比上年的30.12亿元，增长28.2%: the rate opens the clause after the comparison.
  if (clause === rateStart && clause - 1 > regionStart && (s.shape[clause - 1] === '，' || s.shape[clause - 1] === ',')) {
    const previous = clauseStart(s.shape, clause - 1, regionStart);
    const byComma = COMPARED_CLAUSE.exec(s.shape.slice(previous, clause));
    if (byComma) {
      const aAt = previous + byComma.index + byComma[0].indexOf(byComma.groups!.a);
      const before = quantityAt(s, aAt)!;
      // 比上年减产0.36万吨，下降6.9% (比1980年增加 238万个 too): a difference, not the earlier value.
      if (DIRECTION.test(s.shape.slice(previous + byComma.index, aAt))) return undefined;
      const now = nearestBefore(s, regionStart, previous + byComma.index, before);
      if (now) return baseOf(content, now.q, before, now.at);
    }
  }
  return differenceAfter(s, content, regionStart, rateStart, rateEnd);
}

/**
 * 完成61646万元，同比增长10.7%，增收5939万元: the difference stated in the clause right after the
 * rate, the value right before it (or before a completion clause between them); the base is B∓C.
 */
function differenceAfter(s: SentenceShape, content: string, regionStart: number, rateStart: number, rateEnd: number): Base | undefined {
  // Cheap first: a clause mark right after the rate, then 增, 减, 同, 比 or 较 (most rates end their sentence or go on otherwise).
  if (!AFTER_MARK.includes(s.shape[rateEnd] ?? '') || !AFTER_HEAD.includes(s.shape[rateEnd + 1] ?? '')) return undefined;
  DIFFERENCE_AFTER.lastIndex = rateEnd;
  const m = DIFFERENCE_AFTER.exec(s.shape);
  if (!m) return undefined;
  const dAt = rateEnd + m[0].length - 1;
  const d = quantityAt(s, dAt)!;
  if (!isAmount(d.family)) return undefined;
  const direct = nearestBefore(s, regionStart, rateStart, d);
  const now = direct && leadsToRate(s.shape, direct.at + 1, rateStart) ? direct : beforeShareClause(s, regionStart, rateStart, d);
  if (!now) return undefined;
  const b = valueOf(now.q, content);
  return baseOf(content, b, shifted(b, d, -directionOf(m.groups!.dd), content), now.at, { end: d.end });
}

const AFTER_MARK = '，,、';
const AFTER_HEAD = '增减同比较';
/** ，增收5939万元 / ，比上年同期减少12件: a difference right after the rate, closing its clause. */
const DIFFERENCE_AFTER = new RegExp(
  `[，,、](?:同比|(?:比|较)(?:上年同期|去年同期|上年|去年|上年末|年初))?(?<dd>${DIR})${GAIN}了?[ \u3000]?(?<d>${Q})(?=[，,；;。！？!?）)]|$)`,
  'uy',
);
/** 占年初预算的27.7%, 占调整预算105.47%, 完成年初预算数60999万元的40.4%: a clause of its own that states a completion or share. */
const SHARE_CLAUSE = new RegExp(`^(?:占|为|完成)(?:${T}|${Q}){0,16}?(?:的(?:比重|比例)?(?:为|是|达到?)?)?$`, 'u');

/**
 * 完成29612万元，占年初预算的27.7%，较上年同期增收1735万元: the value of `like`'s unit in the clause
 * before a completion or share clause that stands between it and `at`.
 */
function beforeShareClause(s: SentenceShape, regionStart: number, at: number, like: Quantity): { q: Quantity; at: number } | undefined {
  // The clause just before `at` ends with a percentage, right before its boundary.
  let end = at - 1;
  while (end > regionStart && !isBoundary(s.shape, end)) end--;
  const rate = quantityAt(s, end - 1);
  if (!rate || rate.family !== 'percent') return undefined;
  const start = clauseStart(s.shape, end - 1, regionStart);
  if (start <= regionStart || !leadsToRate(s.shape, end, at) || !SHARE_CLAUSE.test(s.shape.slice(start, end - 1))) return undefined;
  return nearestBefore(s, regionStart, start - 1, like);
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

function compute(mode: Mode, direction: 1 | -1, now: Value, before: Value, years: number): Range | Reason {
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
    case 'annual': {
      const root = (r: number) => r ** (1 / years);
      return direction > 0
        ? { computed: (root(ratio) - 1) * 100, low: (root(rLow) - 1) * 100, high: (root(rHigh) - 1) * 100 }
        : { computed: (1 - root(ratio)) * 100, low: (1 - root(rHigh)) * 100, high: (1 - root(rLow)) * 100 };
    }
    case 'times':
      return direction > 0 ? { computed: ratio - 1, low: rLow - 1, high: rHigh - 1 } : 'not-comparable';
    default:
      return { computed: ratio, low: rLow, high: rHigh };
  }
}

function rateText(mode: Mode, n: number): string {
  if (mode === 'points') return `${fmt(n)}个百分点`;
  if (mode === 'percent' || mode === 'annual') return `${fmt(n)}%`;
  return `${fmt(n)}倍`;
}

function rateTextEn(mode: Mode, n: number): string {
  if (mode === 'points') return `${fmt(n)} percentage ${fmt(n) === '1' ? 'point' : 'points'}`;
  if (mode === 'percent' || mode === 'annual') return `${fmt(n)}%`;
  return `${fmt(n)} times`;
}

/** The last year named in content[from, to), as a number. */
function lastYear(content: string, from: number, to: number): number | undefined {
  let year: number | undefined;
  for (const m of content.slice(from, to).matchAll(YEAR)) year = Number(m[1]);
  return year;
}

/**
 * The period a sentence opens with, before its values: 2019—2023年 / 2019年至2023年 (four years of
 * growth, or five when the first value is the year before the period's), 五年来 / 过去五年 / 近5年
 * (five, or four when the first value is the period's first year), “十三五”期间 (five, or four).
 * Writers count both ways: an annual average is checked against both, and reported only when it
 * fits neither.
 */
const SPAN_YEARS = /((?:19|20)\d\d)\s*年?\s*(?:[至到—–－-]|～|~){1,2}\s*((?:19|20)\d\d)\s*年/u;
const RECENT_YEARS = /(?:过去|最近|近|这)([二三四五六七八九十两]|[2-9]|10)\s*年|(?<![\d０-９零〇一二三四五六七八九十百千两])([二三四五六七八九十两]|[2-9]|10)\s*年(?:来|以来|间|中|里)/u;
const PLAN_PERIOD = /[“"]?十[一二三四五]五[”"]?(?:期间|时期|以来)/u;

function periodYears(content: string, from: number, to: number): { fewer: number; more: number } | undefined {
  const text = content.slice(from, to);
  const span = SPAN_YEARS.exec(text);
  if (span) {
    const n = Number(span[2]) - Number(span[1]);
    return n > 0 && n <= 20 ? { fewer: n, more: n + 1 } : undefined;
  }
  const recent = RECENT_YEARS.exec(text);
  const count = recent ? recent[1] ?? recent[2] : undefined;
  const n = count ? (/\d/.test(count) ? Number(count) : parseChineseInteger(count) ?? undefined) : PLAN_PERIOD.test(text) ? 5 : undefined;
  return n !== undefined && n >= 2 ? { fewer: n - 1, more: n } : undefined;
}

/**
 * Years between the two values of 由2019年的A增加到2024年的B, when both are named: an annual
 * average is a compound rate over them, and without them it cannot be checked.
 */
function yearsBetween(s: SentenceShape, content: string, base: Base): number | undefined {
  const [b] = base.before.from;
  const [n] = base.now.from;
  if (base.before.from.length !== 1 || base.now.from.length !== 1 || b.end > n.start) return undefined;
  const y1 = lastYear(content, offsetOf(s, base.from), b.start);
  const y2 = lastYear(content, b.end, n.start);
  return y1 !== undefined && y2 !== undefined && y2 > y1 ? y2 - y1 : undefined;
}

interface Rate {
  mode: Mode;
  direction: 1 | -1;
  stated: number;
  step: number;
  word: string;
  q?: Quantity;
  phraseStart: number;
  phraseEnd: number;
  /** The words between the base and the rate, for 年均 and 实际 (shape text). */
  lead: string;
  hedged?: boolean;
}

/** The claim of one rate about one base (or about none: then it cannot be checked). */
function claimOf(s: SentenceShape, content: string, r: Rate, base: Base | undefined): Claim {
  const { mode: stated, direction, word, q: rate } = r;
  let mode = stated;
  const values: Record<string, number> = {
    rate: r.stated,
    direction,
    step: r.step,
    multiple: mode === 'times' || mode === 'timesTo' || mode === 'double' ? 1 : 0,
    points: mode === 'points' ? 1 : 0,
  };
  // Numbers a condition needs only for some claims stay unset elsewhere, so that rules about
  // decreases or negative rates are not even evaluated on the rest.
  if (rate?.negative) values.negative = 1;
  if (direction < 0) values.decrease = r.stated;
  if (base?.verbDirection) values.verbDirection = base.verbDirection;
  const rateRaw = content.slice(rate ? rate.start : r.phraseStart, r.phraseEnd);
  const text: Record<string, string> = { rateText: rateRaw, word, priceNote: '', priceNoteEn: '' };
  if (base?.verb) text.verb = base.verb;
  const claim: Claim = {
    kind: 'growth',
    start: base ? Math.min(base.start, r.phraseStart) : r.phraseStart,
    end: base ? Math.max(base.end, r.phraseEnd) : r.phraseEnd,
    label: word,
    values,
    text,
    spans: { statement: { start: r.phraseStart, end: r.phraseEnd } },
  };
  if (rate?.negative && OPPOSITE[word]) {
    const middle = content.slice(r.phraseStart + word.length, rate.numberStart);
    const digits = content.slice(rate.numberStart, rate.end).replace(/^(?:[-－−]|负)/, '');
    text.flipped = `${OPPOSITE[word]}${middle}${digits}`;
  }
  if (!base) {
    claim.reason = rate?.placeholder ? 'placeholder' : 'missing-base';
    return claim;
  }
  const { now, before } = base;
  values.now = now.value;
  values.before = before.value;
  text.nowText = now.text;
  text.beforeText = before.text;
  const endpointsPercent = now.percent !== undefined && before.percent !== undefined;
  values.endpointsPercent = endpointsPercent ? 1 : 0;
  values.pointDiff = endpointsPercent ? direction * (now.percent! - before.percent!) : 0;
  claim.reason = unusable([...now.from, ...before.from, rate]);
  if (!claim.reason && r.hedged) claim.reason = 'approximate';
  const lead = r.lead + word;
  let years: number | undefined;
  let period: { fewer: number; more: number } | undefined;
  if (!claim.reason && REAL.test(lead) && base.years === undefined) claim.reason = 'not-comparable';
  if (!claim.reason && ANNUAL.test(lead)) {
    // Only a percentage can be an annual average; over named years it is a compound rate.
    years = mode === 'percent' ? base.years ?? yearsBetween(s, content, base) : undefined;
    if (years === undefined && mode === 'percent') {
      period = periodYears(content, s.start, Math.min(base.start, r.phraseStart));
      years = period?.more;
    }
    if (years === undefined) claim.reason = 'not-comparable';
    else mode = 'annual';
  }
  if (!claim.reason && (now.family === undefined || now.family !== before.family)) claim.reason = 'unit-mismatch';
  if (!claim.reason && mode === 'points' && !endpointsPercent) claim.reason = 'unit-mismatch';
  if (!claim.reason) {
    const range = compute(mode, direction, now, before, years ?? 1);
    const other = period ? compute(mode, direction, now, before, period.fewer) : undefined;
    if (typeof range === 'string') claim.reason = range;
    else {
      Object.assign(values, range);
      text.computedText = rateText(mode, range.computed);
      text.computedTextEn = rateTextEn(mode, range.computed);
      if (years !== undefined) {
        text.computedText = `年均${text.computedText}（${years}年）`;
        text.computedTextEn = `${text.computedTextEn} a year over ${years} years`;
      }
      if (period && other && typeof other !== 'string') {
        // Either count of years may be meant: the rate is checked against both.
        values.low = Math.min(range.low, other.low);
        values.high = Math.max(range.high, other.high);
        text.computedText += `或${rateText(mode, other.computed)}（${period.fewer}年）`;
        text.computedTextEn += ` or ${rateTextEn(mode, other.computed)} over ${period.fewer}`;
      }
      if ((mode === 'percent' || mode === 'annual') && base.years === undefined && realPriced(content, base.start)) {
        // GDP and value added grow at comparable prices even where the sentence does not say so;
        // nominal values only bound such a rate within what a year's price change can explain.
        values.low -= direction > 0 ? PRICE_BAND.up : PRICE_BAND.down;
        values.high += direction > 0 ? PRICE_BAND.down : PRICE_BAND.up;
        text.priceNote = '（名义增幅；生产总值、增加值的增速按可比价计算，已容许价格变动的差异）';
        text.priceNoteEn = ' in nominal terms (GDP and value added grow at comparable prices; a price change was allowed for)';
      }
    }
  }
  return claim;
}

/** The rate a phrase states: its mode, value and rounding step. */
function rateOf(g: Record<string, string | undefined>, rate: Quantity | undefined): Omit<Rate, 'word' | 'phraseStart' | 'phraseEnd' | 'lead' | 'direction'> | undefined {
  if (g.fanWord) {
    // 翻番 is a round figure: only a multiple clearly off it (below ×1.8 for 翻一番) contradicts it.
    const stated = 2 ** FAN[g.fan ?? '一'];
    return { mode: 'double', stated, step: 0.1 * stated };
  }
  if (!rate) return undefined;
  let mode: Mode;
  if (g.q2) {
    if (rate.family !== 'times') return undefined;
    mode = 'timesTo';
  } else {
    const to = g.link !== undefined && '至到为成'.includes(g.link);
    if (rate.family === 'percent' && !to) mode = 'percent';
    else if (rate.family === 'points' && !to) mode = 'points';
    else if (rate.family === 'times') mode = to ? 'timesTo' : 'times';
    else return undefined;
  }
  // 增长3倍 for ×3 is the classic slip, one unit in the last digit: multiples get rounding only.
  // Point differences carry the endpoints' rounding in their interval already.
  const step = mode === 'points' ? 1e-9 : mode === 'percent' ? stepOf(rate) : stepOf(rate) / 2;
  return { mode, stated: rate.number, step };
}

/** Growth claims: a stated rate of change (增长8.5%, 下降3个百分点, 增长2倍, 翻一番) with the values it is about. */
export function growthClaims(s: SentenceShape, content: string, out: Claim[]): void {
  // The quantities already read as an earlier value: a few at most, and none in most sentences (a
  // Set per sentence was the extraction's largest garbage but one).
  const usedEndpoints: number[] = [];
  const paired = pairClaims(s, content, usedEndpoints, out);
  let regionStart = 0;
  const ratePhrase = OF_QUANTITY.test(s.shape) ? RATE_PHRASE : RATE_PHRASE_PLAIN;
  ratePhrase.lastIndex = 0;
  for (let m = ratePhrase.exec(s.shape); m; m = ratePhrase.exec(s.shape)) {
    const g = m.groups!;
    const rateAt = m.index + m[0].length - 1;
    const rate = g.q || g.q2 ? quantityAt(s, rateAt) : undefined;
    if (rate && paired?.has(rate)) {
      regionStart = m.index + m[0].length;
      continue;
    }
    const read = rateOf(g, rate);
    if (!read) continue;
    const word = g.dir ?? g.fw ?? g.fanWord ?? '倍';
    const direction = g.fanWord || g.q2 ? 1 : directionOf(word);
    const phraseStart = offsetOf(s, m.index);
    const phraseEnd = endOffset(s, m.index + m[0].length);
    let base: Base | undefined;
    if (g.q2) {
      // 是上年同期A的N倍: the earlier value is in the phrase, the later one before it.
      const before = quantityAt(s, m.index + m[0].length - 3)!;
      const now = nearestBefore(s, regionStart, m.index, before);
      if (now && leadsToRate(s.shape, now.at + 1, m.index)) base = baseOf(content, now.q, before, now.at);
    } else base = findBase(s, content, regionStart, m.index, m.index + m[0].length);
    if (!base && read.mode === 'percent' && s.shape.includes('年', regionStart)) base = multipleSince(s, content, phraseStart, m.index);
    const hedged = g.fanWord !== undefined && (FAN_HEDGE_BEFORE.test(s.shape.slice(Math.max(0, m.index - 2), m.index)) || FAN_HEDGE_AFTER.test(s.shape.slice(m.index + m[0].length)));
    const lead = base ? content.slice(offsetOf(s, base.from), phraseStart) : content.slice(Math.max(s.start, phraseStart - 4), phraseStart);
    regionStart = m.index + m[0].length;
    if (base) for (const q of base.before.from) usedEndpoints.push(quantityIndex(s, q));
    // Built field by field: spreading `read` took the object-clone slow path, microseconds a rate.
    const stated: Rate = { mode: read.mode, stated: read.stated, step: read.step, direction, word, q: rate, phraseStart, phraseEnd, lead: lead + content.slice(Math.max(s.start, phraseStart - 4), phraseStart), hedged };
    out.push(claimOf(s, content, stated, base));
  }
  endpointOnlyClaims(s, content, usedEndpoints, out);
}

const DE = '的'.charCodeAt(0);
/** 为上年同期的, 为去年的, 为同期的: what stands before the percentage of an index. */
const INDEX_LEAD = /为(?:上年|去年)?(?:同期)?的$/u;

/** Whether `q` may be the percentage of an index (为上年同期的115%): a percentage right after 为…的. */
export function mayBeIndex(q: Quantity, content: string, floor: number): boolean {
  return q.family === 'percent' && content.charCodeAt(q.start - 1) === DE && INDEX_LEAD.test(content.slice(Math.max(floor, q.start - 7), q.start));
}

/** 为上年同期的115%: this year's value as a percentage of last year's. */
const INDEX_OF = `为(?:上年|去年)?(?:同期)?的(?<index>${Q})`;
/** The growth said with it, in the same clause or the next: 增长25%, 同比下降3.2%. */
const INDEX_RATE = `(?:同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期)?(?<dir>增长|增加|提高|上升|下降|减少|降低)了?(?<rate>${Q})`;
const INDEX_THEN_RATE = new RegExp(`${INDEX_OF}[，,、]?${INDEX_RATE}`, 'dgu');
const RATE_THEN_INDEX = new RegExp(`${INDEX_RATE}[，,、]?${INDEX_OF}`, 'dgu');

/**
 * 上半年完成投资2.3亿元，为上年同期的115%，增长25%: a value given as a percentage of last year's and its
 * growth, which must be that percentage less 100 (or 100 less it, for a decrease).
 */
export function indexClaims(s: SentenceShape, content: string, out: Claim[]): void {
  for (const re of [INDEX_THEN_RATE, RATE_THEN_INDEX]) {
    re.lastIndex = 0;
    for (let m = re.exec(s.shape); m; m = re.exec(s.shape)) {
      const g = m.indices!.groups!;
      const index = quantityAt(s, g.index[0]);
      const rate = quantityAt(s, g.rate[0]);
      if (!index || !rate || index.family !== 'percent' || rate.family !== 'percent' || rate.negative || index.negative) continue;
      const word = m.groups!.dir;
      const direction = directionOf(word);
      const computed = direction * (index.number - 100);
      // 为上年同期的115%: from 为 to the percentage.
      const of = s.shape.lastIndexOf('为', g.index[0]);
      const claim: Claim = {
        kind: 'growth',
        start: offsetOf(s, m.index),
        end: endOffset(s, m.index + m[0].length),
        label: word,
        values: { rate: rate.number, direction, step: stepOf(rate), multiple: 0, points: 0, index: 1, computed, low: computed - index.half, high: computed + index.half },
        text: { rateText: content.slice(rate.start, rate.end), word, indexText: content.slice(offsetOf(s, of), index.end), computedText: `${index.number >= 100 ? '增长' : '下降'}${fmt(Math.abs(index.number - 100))}%`, priceNote: '', priceNoteEn: '' },
        spans: { statement: { start: rate.start, end: rate.end } },
      };
      claim.reason = unusable([index, rate]);
      out.push(claim);
    }
  }
}

/** The quantities of a list such as A、B和C in the shape, in order. */
function listed(s: SentenceShape, from: number, text: string): Quantity[] {
  const qs: Quantity[] = [];
  for (let i = 0; i < text.length; i++) {
    const q = quantityAt(s, from + i);
    if (q) qs.push(q);
  }
  return qs;
}

/** 分别由A1、A2增加到B1、B2，分别增长r1和r2: one claim per pair, in order. Returns the rates used (none without 分别). */
function pairClaims(s: SentenceShape, content: string, used: number[], out: Claim[]): Set<Quantity> | undefined {
  if (!s.shape.includes('分别')) return undefined;
  const rates = new Set<Quantity>();
  PAIRS.lastIndex = 0;
  for (let m = PAIRS.exec(s.shape); m; m = PAIRS.exec(s.shape)) {
    const g = m.groups!;
    const at = (name: string) => m.index + m[0].indexOf(g[name]);
    const as = listed(s, at('as'), g.as);
    const bs = listed(s, at('bs'), g.bs);
    const rs = listed(s, m.index + m[0].length - g.rs.length, g.rs);
    if (as.length !== bs.length || as.length !== rs.length) continue;
    const direction = directionOf(g.pdir);
    rs.forEach((rate, i) => {
      rates.add(rate);
      used.push(quantityIndex(s, as[i]));
      const mode = modeOf(rate);
      if (!mode) return;
      const step = mode === 'points' ? 1e-9 : mode === 'percent' ? stepOf(rate) : stepOf(rate) / 2;
      const base = baseOf(content, bs[i], as[i], m.index, { verbDirection: directionOf(g.vdir), verb: g.vdir });
      const lead = content.slice(offsetOf(s, m.index), rate.start);
      out.push(claimOf(s, content, { mode, direction, stated: rate.number, step, word: g.pdir, q: rate, phraseStart: rate.start, phraseEnd: rate.end, lead }, base));
    });
  }
  if (s.shape.includes('比') || s.shape.includes('较')) deltaPairClaims(s, content, rates, out);
  return rates;
}

/** The rate mode of a stated rate quantity, or undefined for a value that is no rate. */
function modeOf(rate: Quantity): Mode | undefined {
  return rate.family === 'percent' ? 'percent' : rate.family === 'points' ? 'points' : rate.family === 'times' ? 'times' : undefined;
}

/** B1、B2，比上年分别增加C1、C2，分别增长r1、r2: one claim per value, about Bi against Bi∓Ci. */
function deltaPairClaims(s: SentenceShape, content: string, rates: Set<Quantity>, out: Claim[]): void {
  DELTA_PAIRS.lastIndex = 0;
  for (let m = DELTA_PAIRS.exec(s.shape); m; m = DELTA_PAIRS.exec(s.shape)) {
    const g = m.groups!;
    const bs = listed(s, m.index, g.bs);
    const dsAt = m.index + m[0].indexOf(g.ds, g.bs.length);
    const ds = listed(s, dsAt, g.ds);
    const rs = listed(s, m.index + m[0].length - g.rs.length, g.rs);
    if (bs.length !== ds.length || bs.length !== rs.length || rs.some((r) => rates.has(r))) continue;
    // The words between must say 分别 once at least: else the lists need not run in step.
    if (!m[0].includes('分别')) continue;
    const direction = directionOf(g.pdir);
    const dd = directionOf(g.dd);
    for (let i = 0; i < rs.length; i++) {
      const rate = rs[i];
      const d = ds[i];
      rates.add(rate);
      const mode = modeOf(rate);
      if (!mode || !isAmount(d.family)) continue;
      const step = mode === 'points' ? 1e-9 : mode === 'percent' ? stepOf(rate) : stepOf(rate) / 2;
      const now = valueOf(bs[i], content);
      const base = baseOf(content, now, shifted(now, d, -dd, content), m.index);
      const lead = content.slice(offsetOf(s, m.index), rate.start);
      out.push(claimOf(s, content, { mode, direction, stated: rate.number, step, word: g.pdir, q: rate, phraseStart: rate.start, phraseEnd: rate.end, lead }, base));
    }
  }
}

/** 由A减至B with no rate: only the direction word can be checked against the numbers. */
function endpointOnlyClaims(s: SentenceShape, content: string, used: readonly number[], out: Claim[]): void {
  if (!FROM.test(s.shape)) return;
  ENDPOINTS.lastIndex = 0;
  for (let m = ENDPOINTS.exec(s.shape); m; m = ENDPOINTS.exec(s.shape)) {
    const aAt = m.index + m[0].indexOf(m.groups!.a);
    const before = quantityAt(s, aAt)!;
    const now = quantityAt(s, m.index + m[0].length - 1)!;
    if (used.includes(quantityIndex(s, before))) continue;
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
