import { fmt, unusable, type Claim } from '../claim.js';
import type { Quantity } from '../quantities.js';
import { clauseStart, offsetOf, Q, quantityAt, type SentenceShape } from '../sentence.js';
import { isAmount, type Family } from '../units.js';

/**
 * 户均增收2000元, 人均分红250元, 亩均产值3,200元, 户均3.3人: an average per household, person or mu,
 * the words between 均 and its value (none, or 增收, 分红, 耕地 …) naming what is averaged.
 */
const AVERAGE = new RegExp(`(?<!个)(?<per>[户人亩])均(?<word>[\\u3400-\\u9fff]{0,8}?)(?<q>${Q})`, 'gu');
/** Verbs and qualifiers between the averaged word and its value: not part of what is averaged. */
const VERB_END = /(?:达到|达|为|约为|约|超过|超|近|可|实现|在|是|有|获|获得)+$/u;
/** What a total without a word of its own must say it is: a sum handed out or earned (发放补贴126万元, 共增收80万元). */
const TOTAL_WORD = /发放|兑现|兑付|拨付|分红|补贴|补助|奖补|奖励|救助|慰问|增收|收益|收入|[共总]计|累计|合计|总额|共/u;
/** A clause that speaks of another subject than the households or people counted (村集体增收12万元), or of another period. */
const OTHER_SUBJECT = /集体|村级|村均|企业|合作社|公司|财政|上年|去年|同期|比上|较上|同比|比增|增长|下降|减少|提高|以上|以下|最高|最低|不低于|不超过/u;
/** Words between 均 and the value that make it no average of the whole period: a bound, a month's, a day's. */
const NOT_AVERAGED = /最高|最低|最多|最少|不低于|不超过|月|日|天|每/u;
/** What each kind of average is counted in: its count's family. */
const COUNT_FAMILY: Record<string, Family> = { 户: 'count:户', 人: 'people', 亩: 'area' };
/** 亩均: the count is read in mu (the area family's base unit is the square metre). */
const MU = 10000 / 15;

/** The words of the clause holding shape position `at`, up to it (the averaged word is looked for there). */
function clauseBefore(s: SentenceShape, at: number): string {
  return s.shape.slice(clauseStart(s.shape, at), at);
}

/**
 * Average claims: an average and the total and count it follows from, all in one sentence
 * (发放奖补资金126万元，惠及脱贫户420户，户均3000元). Only when the sentence holds exactly one count of the
 * average's kind (户, 人, 亩) and exactly one other amount of the average's unit, larger than it, in a clause
 * that names what is averaged (or, for a bare 户均3000元, a sum handed out or earned) and no other subject.
 */
export function averageClaims(s: SentenceShape, content: string, out: Claim[]): void {
  AVERAGE.lastIndex = 0;
  for (let m = AVERAGE.exec(s.shape); m; m = AVERAGE.exec(s.shape)) {
    const g = m.groups!;
    const at = m.index + m[0].length - 1;
    const average = quantityAt(s, at)!;
    const countFamily = COUNT_FAMILY[g.per];
    if (!isAmount(average.family) || average.family === countFamily || average.family === 'visits') continue;
    // 户均最高补贴5000元, 人均月补助345元: a bound, or a monthly figure against a yearly sum.
    if (NOT_AVERAGED.test(g.word)) continue;
    const stem = g.word.replace(VERB_END, '');
    // The one count of the kind averaged over.
    let count: Quantity | undefined;
    let countAt = -1;
    let counts = 0;
    for (let i = 0; i < s.quantities.length; i++) {
      const q = s.quantities[i];
      if (q.family !== countFamily || (g.per === '亩' && !q.unit?.endsWith('亩'))) continue;
      if (OTHER_SUBJECT.test(clauseBefore(s, s.at[i]))) continue;
      counts++;
      count = q;
      countAt = s.at[i];
    }
    if (counts !== 1 || !count) continue;
    const n = g.per === '亩' ? count.value / MU : count.value;
    const nHalf = g.per === '亩' ? count.half / MU : count.half;
    if (!(n > 1)) continue;
    // The one total: the average's unit, larger than it, in a clause naming what is averaged.
    let total: Quantity | undefined;
    let totals = 0;
    for (let i = 0; i < s.quantities.length; i++) {
      const q = s.quantities[i];
      if (q === average || q.family !== average.family || !(q.value > average.value)) continue;
      const words = clauseBefore(s, s.at[i]);
      if (OTHER_SUBJECT.test(words) || words.includes('均')) continue;
      // 全村320户1,050人，户均3.3人: a total written right after the count is the count's own.
      const paired = s.at[i] === countAt + 1;
      if (!paired && (stem ? !words.includes(stem.length > 2 ? stem.slice(-2) : stem) : !TOTAL_WORD.test(words))) continue;
      totals++;
      total = q;
    }
    if (totals !== 1 || !total) continue;
    const label = `${g.per}均${g.word}`;
    const claim: Claim = {
      kind: 'average',
      start: Math.min(offsetOf(s, m.index), total.start, count.start),
      end: Math.max(average.end, total.end, count.end),
      label,
      values: {},
      text: {
        label,
        averageText: content.slice(average.start, average.end),
        totalText: content.slice(total.start, total.end),
        countText: content.slice(count.start, count.end),
      },
      spans: { average: { start: average.start, end: average.end } },
    };
    claim.reason = unusable([average, total, count]);
    if (!claim.reason) {
      const computed = total.value / n;
      claim.values.average = average.value;
      claim.values.step = average.half;
      claim.values.total = total.value;
      claim.values.count = n;
      claim.values.computed = computed;
      claim.values.low = (total.value - total.half) / (n + nHalf);
      claim.values.high = (total.value + total.half) / (n - nHalf);
      // The computed value in the average's own magnitude and unit (1.2万元 → 1.53万元).
      const scale = average.number !== 0 ? average.value / average.number : 1;
      claim.text.computedText = `${fmt(computed / scale)}${content.slice(average.numberEnd, average.end)}`;
    }
    out.push(claim);
  }
}

const PER = new Uint8Array(0x10000);
for (const c of '户人亩') PER[c.charCodeAt(0)] = 1;
const JUN = '均'.charCodeAt(0);
/** How far before a quantity 户均, 人均 or 亩均 may stand (the averaged word between is at most 8 characters). */
const REACH = 10;

/** Whether `q` may be an average: 户均, 人均 or 亩均 in the few characters before it (back to `floor`). */
export function mayBeAverage(q: Quantity, content: string, floor: number): boolean {
  const from = Math.max(floor + 1, q.start - REACH);
  for (let i = q.start - 1; i >= from; i--) if (content.charCodeAt(i) === JUN && PER[content.charCodeAt(i - 1)] === 1) return true;
  return false;
}
