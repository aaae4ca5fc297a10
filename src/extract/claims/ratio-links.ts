import type { Quantity } from '../quantities.js';
import { boundariesBetween, clauseStart, isBoundary, offsetOf, quantityAt, quantityIndex, type SentenceShape } from '../sentence.js';
import { parseChineseInteger } from '../../model/numerals.js';
import { isAmount, isCount, UNITS } from '../units.js';
import type { Found } from './ratio.js';

/** The counts a rate follows from, or why they could not be told. */
export interface Counts {
  numerator?: Quantity;
  denominator?: Quantity;
  /** The counts are in the text, but were not connected to the rate. */
  notLinked?: boolean;
  /** How the numerator is shown when it is a sum of parts (743件 + 428件). */
  numeratorText?: string;
  /** The numerator counts what the rate does not (不合格3批 of 合格率): the rate is (denominator − numerator) ÷ denominator. */
  complement?: boolean;
}

const NEGATION = '不未没';
const BOUNDARY_CHARS = '，,；;：:。．！？!?';
/** Whether `stem` stands in `text` right after a negation (不合格 for 合格, 未办结 for 办结). */
function negates(text: string, stem: string): boolean {
  const i = text.indexOf(stem);
  return i > 0 && NEGATION.includes(text[i - 1]);
}

/**
 * Whether the numerator counts the rate's opposite: its words negate the rate's action (检出不合格
 * 样品3批 for 合格率, 未办结2件 for 办结率) and the rate's own name does not (不合格率).
 */
export function complementOf(content: string, s: SentenceShape, f: Found, numerator: Quantity): boolean {
  const stem = f.stem.slice(0, 2);
  if (stem.length < 2) return false;
  // The numerator's own words: back to a clause boundary or a list mark, at most INTRO_MAX characters.
  let from = numerator.start;
  while (from > s.start && numerator.start - from < INTRO_MAX) {
    const c = content[from - 1];
    if (c === '、' || BOUNDARY_CHARS.includes(c)) break;
    from--;
  }
  return negates(content.slice(from, numerator.start), stem) !== negates(f.claim.label ?? '', stem);
}


interface Item {
  q: Quantity;
  /** Shape position. */
  at: number;
  /** The words that introduce this quantity alone, back to a separator or another quantity. */
  intro: string;
}

/** A whole the others are counted in: 应参保, 总数, 总里程, 合计, 全部, 共有 (响应, 供应, 应急 are words). */
const BASE = /(?<![响适供对相效反答回])应(?![急用对])|总(?![体结部书])|合计|全部|共有|共计/;
/** What is taken in before a rate counts the part dealt with: 受理120件, 排查隐患156处, 抽检240批次. */
const INTAKE = /受理|收到|接到|接收|排查|摸排|登记|立案|抽检|抽查|检测/;
/** What a completion is measured against; 预算收入 and 预算支出 (一般公共预算收入) are amounts, not a plan. */
const PLAN = /目标|计划|任务|预算(?!收入|支出)|下达|省定|市定|县定/;
/** The actual figure stated after a completion against its plan: 完成目标任务18亿元的52.8%，实际完成9.5亿元. */
const ACTUAL = /(?:实际|实)(?:完成|实现|达到|达)?(?:了|为)?$|^(?:已|共|累计|全年|上半年)?(?:完成|实现)(?:了)?$/;
/** 超过30万元, 20万元以上: a bound that qualifies what is counted (村集体收入超过30万元的村), never the count itself. */
const BOUNDS = new Set(['超过', '超', '逾', '不足', '不到', '以上', '以下', '以内']);
function isBound(q: Quantity): boolean {
  return q.approx !== undefined && BOUNDS.has(q.approx);
}
/** 已整改276处，其余10处正在整改: what is left of the whole after the part, never the part a rate counts. */
const REMAINDER = /(?:其余|剩余|剩下|余下|尚余|尚有|还有|仍有)$/;
/** 超收2600万元, 短收, 增支: an amount over or under another, never what a rate counts. */
const DIFFERENCE_WORD = /(?:超|短|增|减)(?:收|支)了?$/;
/** The last characters of REMAINDER's and DIFFERENCE_WORD's words: most intros end otherwise, and skip both regexes. */
const LEFT_OR_OVER_END = new Set(['余', '下', '有', '收', '支', '了']);
/** Whether a count's words make it a remainder or a difference (其余, 超收): tested by its last character first. */
function leftOrOver(intro: string): boolean {
  return intro.length > 1 && LEFT_OR_OVER_END.has(intro[intro.length - 1]) && (REMAINDER.test(intro) || DIFFERENCE_WORD.test(intro));
}
/** 一般公共预算收入: 预算 there names the revenue, not the plan a completion is measured against. */
const BUDGET_AMOUNT = /预算(?:收入|支出)/;
const TARGET_BUDGET = /预算(?!收入|支出)/;
/** Last year's figure, given for comparison: never a count of this year's rate. */
const PRIOR = /上年|去年|同期|上一年|前年/;
/** The place a count is of: 全县 of 全县总人口. */
const SCOPE_WORD = /(?:全|本)(?:国|省|市|州|县|区|镇|乡|村|街道)/;
/** Words of a whole's name that say what is measured, not which count: 耕地面积, 贫困人口数. */
const MEASURE = /(?:面积|人数|户数|数量|规模|总量)$/;
/** A count said of a subset or of the year's change (其中, 新增, 净增): never the stock a rate counts. */
const CHANGE = /其中|新增|净增|增加|减少|新纳入/;
/** The part-of-whole link between a base and its part: 其中, X中有, 在X中，. */
const STRUCTURE = /其中|中[，,]?(?:已|共|仅|只)?有|中[，,]/;
/** Whether a sentence holds the part-of-whole words, tested once per sentence. */
const STRUCTURED = new WeakMap<SentenceShape, boolean>();
/** Opens an explanation of the rate just stated: 化解率98.2%（总数227件…）, 及时受理率99.2%：应受理…. */
const OPEN_PAREN = '（(';
const CLOSE_PAREN = '）)';
const OPEN_COLON = '：:';
/** At most this many clause boundaries between a rate and its numerator, and between the numerator and its base. */
const REACH = 2;
/** How far (shape positions) a rate's counts are looked for, and how long the words before a count may be. */
const SPAN = 400;
const INTRO_MAX = 40;

/**
 * A bare magnitude (占全年任务1680万的, after 完成926万元) read in the unit of the amount it is
 * compared with: the unit is left out, not another one meant. Undefined when `q` has a unit, no
 * magnitude written in figures (1680万, not 三万), or `like` is no amount.
 */
export function inUnitOf(q: Quantity, like: Quantity): Quantity | undefined {
  if (q.unit !== undefined || q.family !== undefined || q.placeholder || !(q.value > q.number) || !isAmount(like.family) || like.unit === undefined) return undefined;
  const factor = UNITS.get(like.unit)?.factor ?? 1;
  return { ...q, unit: like.unit, family: like.family, value: q.value * factor, half: q.half * factor };
}

/** Counts of things, amounts of money, area …, and days (优良天数338天 of 有效监测366天). */
function countable(q: Quantity): boolean {
  return isAmount(q.family) || (q.family === 'time' && q.unit === '天');
}

/**
 * The words before the quantity at shape position i, back to a separator or another quantity (at
 * most INTRO_MAX characters). Shape text between quantities is content text, one unit for one.
 */
function introOf(s: SentenceShape, content: string, i: number): string {
  let from = i;
  while (from > 0 && i - from < INTRO_MAX && !isBoundary(s.shape, from - 1) && s.shape[from - 1] !== '、' && !quantityAt(s, from - 1)) from--;
  // 脱贫户412户1,536人: the people counted are the households' group, introduced by the same words.
  if (from === i) {
    const j = groupCountBefore(s, i);
    if (j >= 0) return introOf(s, content, j);
  }
  const start = quantityAt(s, i)!.start;
  return content.slice(start - (i - from), start);
}

const DUN = '、'.charCodeAt(0);
function isPeople(q: Quantity | undefined): boolean {
  return q !== undefined && (q.family === 'people' || q.family === 'visits');
}

/** 412户1,536人, 206户、512人: the shape position of the count of households (or another classifier) a people count at i goes with, or -1. */
function groupCountBefore(s: SentenceShape, i: number): number {
  if (!isPeople(quantityAt(s, i))) return -1;
  const j = s.shape.charCodeAt(i - 1) === DUN ? i - 2 : i - 1;
  return j >= 0 && isCount(quantityAt(s, j)?.family) ? j : -1;
}

/** The other count of the same group (412户 for 1,536人 and back), in the shape of 412户1,536人. */
function groupPartner(s: SentenceShape, q: Quantity): Quantity | undefined {
  const at = s.at[quantityIndex(s, q)];
  const before = groupCountBefore(s, at);
  if (before >= 0) return quantityAt(s, before);
  if (!isCount(q.family)) return undefined;
  const j = s.shape.charCodeAt(at + 1) === DUN ? at + 2 : at + 1;
  return groupCountBefore(s, j) === at ? quantityAt(s, j) : undefined;
}

/**
 * 贫困户1,193户5,992人，已脱贫1,115户5,730人，脱贫率95.6%: a rate over groups counted in households
 * and in people may be of either; the counts in the other unit, when the stated rate follows from
 * them and not from those linked.
 */
export function otherUnitCounts(s: SentenceShape, counts: Counts, rate: Quantity): Counts | undefined {
  const { numerator, denominator } = counts;
  if (!numerator || !denominator || counts.complement || counts.numeratorText) return undefined;
  const n = groupPartner(s, numerator);
  const d = n && groupPartner(s, denominator);
  if (!n || !d || n.family !== d.family || fits(numerator, denominator, rate) || !fits(n, d, rate)) return undefined;
  return { numerator: n, denominator: d };
}

/**
 * The countable quantities in shape positions [from, to), at most SPAN positions back from `to`:
 * a rate's counts stand near it, and the bound keeps a sentence of thousands of figures linear.
 */
function itemsIn(s: SentenceShape, content: string, from: number, to: number): Item[] {
  const out: Item[] = [];
  for (let i = Math.max(from, to - SPAN); i < to; i++) {
    const q = quantityAt(s, i);
    if (q && countable(q)) out.push({ q, at: i, intro: introOf(s, content, i) });
  }
  return out;
}

/** Whether the words before a count name the rate's action or subject (办结 for 办结率, 优良天数 for 优良天数比例). */
function names(intro: string, stem: string): boolean {
  if (!stem) return false;
  return stem.length <= 2 ? intro.includes(stem[0]) : sharesWord(intro, stem);
}

/** Whether `text` holds two consecutive characters of `word`. */
function sharesWord(text: string, word: string): boolean {
  for (let i = 0; i + 2 <= word.length; i++) if (text.includes(word.slice(i, i + 2))) return true;
  return false;
}

/** The words after a count, to the end of its clause: 26条 水质达到Ⅲ类 (the part's predicate). */
function predicateOf(s: SentenceShape, content: string, item: Item): string {
  let to = item.at + 1;
  while (to < s.shape.length && to - item.at <= INTRO_MAX && !isBoundary(s.shape, to) && !quantityAt(s, to)) to++;
  return content.slice(item.q.end, item.q.end + (to - item.at - 1));
}

/**
 * Whether a count is the one the rate counts: its words name the rate's action (办结114件 for
 * 办结率, 152户完成改厕 for 改厕率), or what is said of it names the rate's subject (26条水质达到Ⅲ类
 * for 水质优良率).
 */
function designates(s: SentenceShape, content: string, item: Item, f: Found): boolean {
  if (names(item.intro, f.stem)) return true;
  const label = f.claim.label ?? '';
  if (!label.endsWith('率')) return false;
  // 已整治1100栋 for 整治完成率, 整改150处 for 整改到位率: 完成 and 到位 name no action; the word before them does.
  if ((f.stem === '完成' || f.stem === '到位') && label.length >= 5 && sharesWord(item.intro, label.slice(-5, -3))) return true;
  // 152户完成改厕 for 改厕率: the action named whole after the count.
  const predicate = predicateOf(s, content, item);
  return (f.stem.length >= 2 && predicate.includes(f.stem)) || (label.length > 4 && sharesWord(predicate, label.slice(0, -3)));
}

function isBase(item: Item, f: Found): boolean {
  return BASE.test(item.intro) || (f.claim.kind === 'completion' && PLAN.test(item.intro));
}

/** A whole may hold its part: a base smaller than the part is not its base. */
function holds(base: Quantity, part: Quantity): boolean {
  return base.value + base.half >= part.value - part.half;
}

/**
 * The base of `num`: a count marked as the whole (应参保, 总里程; 计划 for a completion) in the
 * region, else the count the part is taken from (N件中，甲a件; N个，其中n个; or the previous
 * sentence's, when this one starts 其中), else, for a count the rate designates, the nearest
 * earlier count in its unit. A rate that designates none of the counts is linked only through
 * the part-of-whole words, never by nearness.
 */
function baseOf(s: SentenceShape, content: string, items: Item[], num: Item, f: Found, previous: SentenceShape | undefined): Item | undefined {
  const same = items.filter((it) => it !== num && it.q.family === num.q.family && !PRIOR.test(it.intro));
  if (f.stem && !designates(s, content, num, f)) return undefined;
  if (f.whole) return wholeOf(s, content, f, num.q, previous);
  const marked = same.filter((it) => isBase(it, f) && holds(it.q, num.q));
  if (marked.length > 0) return marked[marked.length - 1];
  const before = same.filter((it) => it.at < num.at);
  for (let k = before.length - 1; k >= 0; k--) {
    const between = content.slice(before[k].q.end, num.q.start);
    if (STRUCTURE.test(between) && holds(before[k].q, num.q)) return before[k];
  }
  if (before.length === 0 && previous && /其中/.test(content.slice(s.start, num.q.start))) {
    const prev = itemsIn(previous, content, 0, previous.shape.length).filter((it) => it.q.family === num.q.family && !PRIOR.test(it.intro));
    const last = prev[prev.length - 1];
    if (last && holds(last.q, num.q)) return last;
  }
  if (!f.stem) return before.length === 0 && previous ? listWhole(s, previous, content, num) : undefined;
  const near = before[before.length - 1];
  return near && boundariesBetween(s.shape, near.at, num.at) <= REACH ? near : undefined;
}

const SEMICOLON = /[；;][”’」』"')）]*$/;

/**
 * 其中城建类412件，占32.0%；民生类385件，占29.9%: a 其中 list whose parts run on after a semicolon,
 * each with its bare share. The whole is the count the list was opened on, before the previous
 * sentence's last 其中, when that sentence ends with a semicolon.
 */
function listWhole(s: SentenceShape, previous: SentenceShape, content: string, num: Item): Item | undefined {
  if (!SEMICOLON.test(content.slice(Math.max(previous.start, previous.end - 3), previous.end))) return undefined;
  // The list's third part and on: the whole the previous part was read against.
  let whole = LIST_WHOLE.get(previous);
  if (!whole) {
    const sub = previous.shape.lastIndexOf('其中');
    if (sub < 0) return undefined;
    whole = itemsIn(previous, content, 0, sub).filter((it) => it.q.family === num.q.family && !PRIOR.test(it.intro)).pop();
    if (!whole || boundariesBetween(previous.shape, whole.at, sub) > REACH) return undefined;
  }
  if (whole.q.family !== num.q.family || !holds(whole.q, num.q)) return undefined;
  LIST_WHOLE.set(s, whole);
  return whole;
}

/** The whole a sentence's part of a 其中 list was read against, for the part after the next semicolon. */
const LIST_WHOLE = new WeakMap<SentenceShape, Item>();

/**
 * The count the phrase names as the whole (占调解总数的: 调解3,142件 rather than 调解成功3,047件):
 * one whose words hold at least half of the name's character pairs and its scope (全市 …), the
 * most first, one ending in the name first. None when no count is so named: a whole named but not
 * given (占全市工业投资的) is not the nearest total.
 */
function namedWhole(candidates: Item[], whole: { name: string; scope: string }, part: Quantity, completion: boolean): Item | undefined {
  const { name, scope } = whole;
  const pairs = Math.max(1, name.length - 1);
  let best: Item | undefined;
  let bestScore = 0;
  for (const it of candidates) {
    // A plan may be smaller than what was done (完成年度计划的117%); a whole holds its part.
    if ((!completion && !holds(it.q, part)) || (scope && !it.intro.includes(scope))) continue;
    // 完成预算的: 一般公共预算收入 is the revenue, not its plan (unless 预算 also stands alone there).
    if (completion && name.includes('预算') && BUDGET_AMOUNT.test(it.intro) && !TARGET_BUDGET.test(it.intro)) continue;
    let shared = 0;
    for (let i = 0; i + 2 <= name.length; i++) if (it.intro.includes(name.slice(i, i + 2))) shared++;
    if (shared * 2 < pairs || shared === 0) continue;
    const score = shared * 2 + (it.intro.endsWith(name) ? 1 : 0);
    if (score > bestScore) {
      best = it;
      bestScore = score;
    }
  }
  // 占耕地面积的: 面积 names what is measured, not which count; 全镇耕地3.6万亩 is the whole.
  const core = name.replace(MEASURE, '');
  if (!best && core !== name && core.length >= 2) return namedWhole(candidates, { name: core, scope }, part, completion);
  return best;
}

/**
 * The named whole anywhere before the phrase, in this sentence or the one before (a semicolon
 * ends a sentence): a base named is found by its name, whatever was stated between.
 */
function wholeOf(s: SentenceShape, content: string, f: Found, part: Quantity, previous: SentenceShape | undefined): Item | undefined {
  const usable = (it: Item) => it.q !== part && it.q.family === part.family && !PRIOR.test(it.intro);
  const completion = f.claim.kind === 'completion';
  return namedWhole(itemsIn(s, content, 0, f.at).filter(usable), f.whole!, part, completion)
    ?? (previous && namedWhole(itemsIn(previous, content, 0, previous.shape.length).filter(usable), f.whole!, part, completion))
    ?? wholeAfter(s, content, f, usable);
}

/**
 * 占总人口的17%，全镇总人口2.86万人: the whole given in the clauses after the phrase, by the very
 * name the phrase gives it (the only count of its unit there).
 */
function wholeAfter(s: SentenceShape, content: string, f: Found, usable: (it: Item) => boolean): Item | undefined {
  const same = itemsAfter(s, content, f).filter(usable);
  const name = f.whole!.name;
  if (same.length !== 1 || name.length < 2 || !same[0].intro.endsWith(name)) return undefined;
  // 全镇…老人4,860人，占总人口的…，全县总人口38.6万人: another place's whole.
  const scope = f.whole!.scope || SCOPE_WORD.exec(same[0].intro)?.[0];
  return !scope || content.slice(s.start, offsetOf(s, f.at)).includes(scope) || f.whole!.scope === scope && same[0].intro.includes(scope) ? same[0] : undefined;
}

/**
 * The numerator before the rate: the nearest count that is no base, no figure of last year and
 * not inside an aside closed before the rate (已完成7.2万亩（含续建1.1万亩），占…).
 */
function numeratorBefore(s: SentenceShape, items: Item[], f: Found): Item | undefined {
  // One walk back from the rate, counting the brackets and clause boundaries passed.
  let depth = 0;
  let boundaries = 0;
  let i = f.at - 1;
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    for (; i > it.at; i--) {
      const c = s.shape[i];
      if (CLOSE_PAREN.includes(c)) depth++;
      else if (OPEN_PAREN.includes(c) && depth > 0) depth--;
      else if (isBoundary(s.shape, i)) boundaries++;
    }
    if (boundaries > REACH) return undefined;
    if (depth > 0 || isBase(it, f) || PRIOR.test(it.intro) || it.q === f.denominator || isBound(it.q) || leftOrOver(it.intro)) continue;
    return it;
  }
  return undefined;
}

/** The counts in the parenthesis or after the colon right after the rate. */
function explanation(s: SentenceShape, content: string, f: Found): Item[] {
  const open = s.shape[f.end];
  if (open === undefined) return [];
  let to: number;
  if (OPEN_PAREN.includes(open)) {
    to = f.end + 1;
    while (to < s.shape.length && to - f.end < SPAN && !CLOSE_PAREN.includes(s.shape[to])) to++;
  } else if (OPEN_COLON.includes(open)) to = Math.min(s.shape.length, f.end + SPAN);
  else return [];
  return itemsIn(s, content, f.end + 1, to);
}

/** Rate first, counts after it: 化解率98.2%（总数227件，化解223件）; 巩固率98.7%：入学1,946人，毕业1,873人. */
function countsAfter(s: SentenceShape, content: string, before: Item[], f: Found, previous: SentenceShape | undefined): Counts | undefined {
  const after = explanation(s, content, f);
  if (after.length === 0) return undefined;
  const family = after[0].q.family;
  const same = after.filter((it) => it.q.family === family);
  if (same.length === 1) {
    const [only] = same;
    if (isBase(only, f)) {
      const num = numeratorBefore(s, before, f);
      return num && num.q.family === family ? { numerator: num.q, denominator: only.q } : undefined;
    }
    if (!designates(s, content, only, f)) return undefined;
    const base = baseOf(s, content, [...before, only], only, f, previous);
    return base ? { numerator: only.q, denominator: base.q } : undefined;
  }
  if (same.length !== 2) return undefined;
  const [a, b] = same;
  if (isBase(a, f) !== isBase(b, f)) return isBase(a, f) ? { numerator: b.q, denominator: a.q } : { numerator: a.q, denominator: b.q };
  if (names(a.intro, f.stem) !== names(b.intro, f.stem)) return names(a.intro, f.stem) ? { numerator: a.q, denominator: b.q } : { numerator: b.q, denominator: a.q };
  // Two counts and nothing to tell them apart: a share is the smaller of the larger.
  if (f.claim.kind !== 'ratio') return undefined;
  return a.q.value <= b.q.value ? { numerator: a.q, denominator: b.q } : { numerator: b.q, denominator: a.q };
}

/** The countable items in the clauses after the rate (at most REACH boundaries on), last year's figures left out. */
function itemsAfter(s: SentenceShape, content: string, f: Found): Item[] {
  let to = f.end;
  for (let boundaries = 0; to < s.shape.length && to - f.end < SPAN; to++) if (isBoundary(s.shape, to) && ++boundaries > REACH) break;
  return itemsIn(s, content, f.end, to).filter((it) => !PRIOR.test(it.intro));
}

/**
 * 参保率99.2%，参保人数4.36万人，应参保人数4.41万人: with no count before it, a rate's counts may
 * follow in the next clauses — taken only when exactly one of them names the rate's action and
 * exactly one is marked as the whole. 全镇共有农户2,860户，改厕率为87.8%，已改厕2,512户: with no whole
 * after it, the whole may be the one count before the rate, marked as such in the clauses just before.
 */
function clausesAfter(s: SentenceShape, content: string, f: Found, before: Item[]): Counts | undefined {
  if (!f.stem) return undefined;
  const items = itemsAfter(s, content, f);
  const bases = items.filter((it) => BASE.test(it.intro));
  const parts = items.filter((it) => !BASE.test(it.intro) && designates(s, content, it, f));
  if (parts.length !== 1) return undefined;
  const [part] = parts;
  if (bases.length === 0) {
    // 参保率96.3%，其中新增参保3,200人: a part of the part, or this year's change, is not what the rate counts.
    if (CHANGE.test(part.intro)) return undefined;
    // 化解率97.1%，共受理来信来访68件，按期化解66件: the one other count of the unit after the rate, before
    // the part and holding it, names the whole the part is counted in.
    const others = items.filter((it) => it !== part && it.q.family === part.q.family);
    if (others.length === 1 && others[0].at < part.at && !CHANGE.test(others[0].intro) && !designates(s, content, others[0], f) && holds(others[0].q, part.q) && f.stem.length >= 2) {
      return { numerator: part.q, denominator: others[0].q };
    }
    const same = before.filter((it) => it.q.family === part.q.family && !PRIOR.test(it.intro));
    const [base] = same;
    // 受理各类案件120件，办结率98%，办结114件: an intake before the rate, in the clause just before it, is the whole too.
    const marked = same.length === 1 && (BASE.test(base.intro) || (INTAKE.test(base.intro) && boundariesBetween(s.shape, base.at, f.at) <= 1));
    const right = marked && holds(base.q, part.q) && boundariesBetween(s.shape, base.at, f.at) <= REACH;
    return right ? { numerator: part.q, denominator: base.q } : undefined;
  }
  if (bases.length !== 1) return undefined;
  const [base] = bases;
  return base.q.family === part.q.family && holds(base.q, part.q) ? { numerator: part.q, denominator: base.q } : undefined;
}

/**
 * 参合农民41,236人，参合率达93.9%，全镇应参合农民43,918人: the numerator before the rate, and its whole
 * after it — the one count of its unit in the clauses after, marked as the whole and named by the
 * rate's action (应参合 for 参合率; 总人口 names no action of the rate and is no base of it).
 */
function baseAfter(s: SentenceShape, content: string, f: Found, num: Quantity): Quantity | undefined {
  const same = itemsAfter(s, content, f).filter((it) => it.q.family === num.family);
  if (same.length !== 1) return undefined;
  const [base] = same;
  return BASE.test(base.intro) && names(base.intro, f.stem) && holds(base.q, num) ? base.q : undefined;
}

/** How many of the stated rates follow from their part of `base`, at each rate's written precision. */
function fitting(parts: Quantity[], base: Quantity, rates: Quantity[]): number {
  let n = 0;
  parts.forEach((p, i) => {
    const per = rates[i].family === 'permille' ? 1000 : 100;
    const step = 0.5 * 10 ** -rates[i].decimals + 1e-9;
    const low = ((p.value - p.half) / (base.value + base.half)) * per;
    const high = ((p.value + p.half) / (base.value - base.half)) * per;
    if (rates[i].number >= low - step && rates[i].number <= high + step) n++;
  });
  return n;
}

/**
 * A whole taken by nearness alone may be the wrong step of a funnel (排查3,286件，调解3,142件，成功3,047件；
 * 其中…分别占35.8%…): the earlier whole that more of the stated rates follow from was meant.
 */
function likelyBase(candidates: Item[], chosen: Quantity, parts: Quantity[], rates: Quantity[]): Quantity {
  let best = chosen;
  let most = fitting(parts, chosen, rates);
  for (let k = candidates.length - 1; k >= 0 && most < parts.length; k--) {
    const q = candidates[k].q;
    if (q === chosen || !parts.every((p) => holds(q, p))) continue;
    const n = fitting(parts, q, rates);
    if (n > most) {
      best = q;
      most = n;
    }
  }
  return best;
}

/** 其中甲a件、乙b件，分别占x%和y%: the i-th part listed just before, of the base before the parts. */
function seriesCounts(s: SentenceShape, content: string, items: Item[], f: Found, previous: SentenceShape | undefined): Counts {
  if (items.length < f.of) return {};
  const parts = items.slice(items.length - f.of);
  const family = parts[0].q.family;
  if (parts.some((p) => p.q.family !== family || PRIOR.test(p.intro))) return {};
  // The parts are listed together, right before the series.
  if (boundariesBetween(s.shape, parts[0].at, f.at) > f.of + 1) return {};
  const rest = items.slice(0, items.length - f.of);
  let base = f.denominator ?? (f.whole ? wholeOf(s, content, f, parts[0].q, previous)?.q : baseBeforeParts(s, content, rest, parts, previous));
  if (!base) return {};
  if (!f.denominator && !f.whole) {
    const earlier = [...(previous ? itemsIn(previous, content, 0, previous.shape.length) : []), ...itemsIn(s, content, 0, parts[0].at)];
    base = likelyBase(earlier.filter((it) => it.q.family === family && !PRIOR.test(it.intro)), base, parts.map((p) => p.q), f.series);
  }
  const sum = parts.reduce((n, p) => n + p.q.value - p.q.half, 0);
  if (sum > base.value + base.half) return {};
  return { numerator: parts[f.index].q, denominator: base };
}

function baseBeforeParts(s: SentenceShape, content: string, rest: Item[], parts: Item[], previous: SentenceShape | undefined): Quantity | undefined {
  const family = parts[0].q.family;
  const same = rest.filter((it) => it.q.family === family && !PRIOR.test(it.intro));
  const last = same[same.length - 1];
  if (last) return boundariesBetween(s.shape, last.at, parts[0].at) <= REACH ? last.q : undefined;
  if (!previous || !/其中/.test(content.slice(s.start, parts[0].q.start))) return undefined;
  const prev = itemsIn(previous, content, 0, previous.shape.length).filter((it) => it.q.family === family && !PRIOR.test(it.intro));
  return prev[prev.length - 1]?.q;
}

/** Whether the stated rate follows from numerator ÷ denominator at its written precision. */
function fits(numerator: Quantity, denominator: Quantity, rate: Quantity): boolean {
  return fitting([numerator], denominator, [rate]) === 1;
}

/**
 * 参保41,260人，其中成年居民12,480人，学生儿童28,780人，占年度目标任务30,000人的137.5%: the count
 * before the phrase is the last part of a 其中 list, and the phrase may speak of the whole the
 * parts are taken from. The whole, when the rate follows from it and not from the part, or when
 * it follows from neither and two parts or more were listed (the phrase then closes the list).
 */
function wholeOfParts(content: string, before: Item[], num: Item, f: Found, denominator: Quantity): Quantity | undefined {
  let k = before.indexOf(num);
  let parts = 1;
  for (k--; k >= 0; k--) {
    const it = before[k];
    if (it.q.family !== num.q.family || PRIOR.test(it.intro)) continue;
    if (/其中/.test(it.intro) || !/其中/.test(content.slice(it.q.end, num.q.start))) {
      parts++;
      continue;
    }
    break;
  }
  if (k < 0) return undefined;
  const whole = before[k].q;
  if (!holds(whole, num.q)) return undefined;
  if (fits(num.q, denominator, f.rate)) return undefined;
  return fits(whole, denominator, f.rate) || parts >= 2 ? whole : undefined;
}

/** 两类合计占比, 民生保障与土地征拆合计占, 合计占: the share of several parts together, said just before the rate. */
const SUMMED = /(?:合计|共计|总计)$/;
const JI = '计'.charCodeAt(0);
const SHARE_WORD = /(?:占比|占|比重|比例)(?:为|达到?|是)?[ \u3000]?$/u;
const SUMMED_COUNT = /([两二三四五])(?:类|项|者|种|部分|个)/u;
/**
 * 其中甲类743件、乙类428件，两类合计占比62.5%: the parts listed after the whole (其中, 中), summed, of
 * that whole. The parts named before 合计 (甲类与乙类合计) are those summed; a count of them (两类)
 * must be the number of parts listed; else all the parts listed are meant.
 */
function partsSummed(s: SentenceShape, content: string, before: Item[], f: Found): Counts | undefined {
  if (f.claim.kind !== 'ratio' || before.length < 3) return undefined;
  // Cheap first: 合计/共计/总计 ends within the few characters before the rate (most rates have none).
  let near = f.rate.start - 1;
  while (near > s.start && f.rate.start - near <= 6 && content.charCodeAt(near) !== JI) near--;
  if (content.charCodeAt(near) !== JI) return undefined;
  const clause = clauseStart(s.shape, f.at);
  // The clause up to the rate, its share word left out: 两类合计(占比), 甲类与乙类合计(占).
  const lead = content.slice(offsetOf(s, clause), f.rate.start).replace(SHARE_WORD, '');
  // A figure in the clause is a part of its own (两类 only counts the parts).
  if (!SUMMED.test(lead) || /[0-9０-９]/.test(lead)) return undefined;
  let k = before.length - 1;
  while (k >= 0 && before[k].at >= clause) k--;
  if (k < 2) return undefined;
  // The parts: the last run of counts of one unit, back to the whole they are listed from.
  const family = before[k].q.family;
  const parts: Item[] = [];
  for (; k >= 0; k--) {
    const it = before[k];
    if (it.q.family !== family || PRIOR.test(it.intro)) return undefined;
    if (parts.length > 0 && STRUCTURE.test(content.slice(it.q.end, parts[0].q.start))) break;
    parts.unshift(it);
  }
  if (k < 0 || parts.length < 2) return undefined;
  const whole = before[k];
  const names = lead.replace(SUMMED, '').split(/与|和|及|、/u).filter((n) => n.length >= 2);
  let summed = parts;
  if (names.length >= 2) {
    summed = [];
    for (const name of names) {
      const part = parts.find((p) => p.intro.includes(name));
      if (!part || summed.includes(part)) return undefined;
      summed.push(part);
    }
  } else {
    const said = SUMMED_COUNT.exec(lead);
    if (said && parseChineseInteger(said[1]) !== parts.length) return undefined;
  }
  let value = 0;
  let half = 0;
  for (const p of summed) {
    value += p.q.value;
    half += p.q.half;
  }
  if (whole.q.value + whole.q.half < value - half) return undefined;
  const first = summed[0].q;
  const numerator: Quantity = { ...first, value, half, end: summed[summed.length - 1].q.end, approx: summed.find((p) => p.q.approx !== undefined)?.q.approx, placeholder: summed.some((p) => p.q.placeholder), range: summed.some((p) => p.q.range) };
  return { numerator, denominator: whole.q, numeratorText: `（${summed.map((p) => content.slice(p.q.start, p.q.end)).join(' + ')}）` };
}

/**
 * The counts a rate is computed from. Only quantities after the previous rate count as before it:
 * a rate never borrows the counts of a neighbouring statement.
 */
export function linkCounts(s: SentenceShape, content: string, regionStart: number, f: Found, previous?: SentenceShape): Counts {
  if (f.listed) return {};
  const before = itemsIn(s, content, regionStart, f.at);
  if (f.of > 1) return seriesCounts(s, content, before, f, previous);
  const summed = partsSummed(s, content, before, f);
  if (summed) return summed;
  const after = countsAfter(s, content, before, f, previous);
  if (after) return after;
  if (f.denominator) {
    const num = numeratorBefore(s, before, f);
    if (!num) return actualAfter(s, content, f, f.denominator);
    const denominator = inUnitOf(f.denominator, num.q) ?? f.denominator;
    if (num.q.family !== denominator.family) return { denominator };
    const whole = wholeOfParts(content, before, num, f, denominator);
    if (whole) return { numerator: whole, denominator };
    return { numerator: boundariesBetween(s.shape, num.at, f.at) <= 1 ? num.q : undefined, denominator };
  }
  const num = numeratorBefore(s, before, f);
  if (!num) return clausesAfter(s, content, f, before) ?? {};
  const base = baseOf(s, content, before, num, f, previous);
  if (!base) {
    // 受理各类案件120件，办结率98%，办结114件: a count before the rate that it does not name may be the whole of a part after it.
    if (!designates(s, content, num, f)) return (INTAKE.test(num.intro) ? clausesAfter(s, content, f, before) : undefined) ?? {};
    return { numerator: num.q, denominator: f.stem ? baseAfter(s, content, f, num.q) : undefined };
  }
  if (f.stem || f.whole) return { numerator: num.q, denominator: base.q };
  const earlier = itemsIn(s, content, 0, num.at).filter((it) => it.q.family === num.q.family && !PRIOR.test(it.intro));
  return { numerator: num.q, denominator: likelyBase(earlier, base.q, [num.q], [f.rate]) };
}

/**
 * A completion whose plan is in its phrase and whose actual figure follows it, marked as such
 * (完成年度目标任务18亿元的52.8%，实际完成9.5亿元 / （实际完成9.5亿元）): the one figure of the plan's
 * unit in the clauses after, its words 实际完成 or 完成 alone. Anything else leaves the plan alone.
 */
function actualAfter(s: SentenceShape, content: string, f: Found, plan: Quantity): Counts {
  if (f.claim.kind !== 'completion') return { denominator: plan };
  const same = itemsAfter(s, content, f).filter((it) => (inUnitOf(plan, it.q) ?? plan).family === it.q.family);
  if (same.length !== 1 || !ACTUAL.test(same[0].intro.replace(/^[（(，,]/, ''))) return { denominator: plan };
  const [actual] = same;
  return { numerator: actual.q, denominator: inUnitOf(plan, actual.q) ?? plan };
}

/**
 * Whether the sentence holds counts this rate could follow from that were not connected to it: a
 * count its name designates with another count of the same unit, or a whole and its part (其中, 中有).
 */
export function notLinked(s: SentenceShape, content: string, f: Found): boolean {
  const items = itemsIn(s, content, 0, Math.min(s.shape.length, f.end + SPAN)).filter((it) => !PRIOR.test(it.intro));
  const count = new Map<string, number>();
  for (const it of items) count.set(it.q.family!, (count.get(it.q.family!) ?? 0) + 1);
  const pairs = (it: Item) => count.get(it.q.family!)! > 1;
  if (f.stem && items.some((it) => sharesWord(it.intro, f.stem) && pairs(it))) return true;
  let structured = STRUCTURED.get(s);
  if (structured === undefined) STRUCTURED.set(s, (structured = STRUCTURE.test(s.shape)));
  return structured && items.some(pairs);
}
