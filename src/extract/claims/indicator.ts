import { fmt, unusable, type Claim } from '../claim.js';
import { offsetOf, Q, quantityAt, type SentenceShape } from '../sentence.js';
import { lastAtOrBefore } from '../../model/sorted.js';
import { isAmount } from '../units.js';

/** Indicators reports state once per period; a second, different value for one of them is a slip. */
const NAMES = [
  '地区生产总值', '国内生产总值', '生产总值', '规模以上工业总产值', '规上工业总产值', '规模以上工业增加值', '规上工业增加值', '工业总产值',
  '农业总产值', '农林牧渔业总产值', '固定资产投资', '地方一般公共预算收入', '一般公共预算收入', '一般公共预算支出', '财政总收入',
  '地方财政收入', '税收收入', '社会消费品零售总额', '外贸进出口总额', '进出口总额', '实际利用外资', '实际使用外资', '粮食总产量',
  '粮食产量', '城镇居民人均可支配收入', '农村居民人均可支配收入', '全体居民人均可支配收入', '居民人均可支配收入', '农民人均纯收入',
  '农村居民人均纯收入', '城镇新增就业', '新增城镇就业', '新增就业',
];
const INDICATOR = new RegExp(`(?<name>${[...NAMES].sort((a, b) => b.length - a.length).join('|')})(?<link>(?:总额|总量)?(?:累计)?(?:达到|达|为|完成|实现|是|共)?)(?<q>${Q})`, 'gu');
/**
 * Names that are also said of a group (脱贫劳动力新增就业): the indicator only when the clause
 * starts with it or names the whole area or year before it.
 */
const GROUP_NAMES = new Set(['新增就业', '新增城镇就业']);
const WHOLE_LEAD = /(?:^|[，,；;：:。（(]|全[镇县区乡市省]|全街道|全年|今年|本年|上半年|实现|完成|累计|共)$/u;
/** Every name above contains one of these: a cheap test before the long alternation. */
const INDICATOR_HINT = /产值|总值|增加值|投资|收入|支出|总额|外资|产量|就业/;
/** The period a value belongs to, when the sentence names one before the indicator. */
const PERIOD = /过去五年|五年来|五年累计|十三五|十四五|十五五|(?:19|20)\d\d年(?:上半年|前三季度|一季度|[1-9１-９]\s*[-—–至~～]\s*\d{1,2}月)?|上半年|前三季度|一季度|[一二三四]季度|1\s*[-—–至~～]\s*\d{1,2}月|去年|上年|今年|全年/gu;
const SAME_PERIOD = /^(?:全年|今年|本年)$/;
/** Targets and forecasts are not statements of what happened. */
const PLAN = /目标|预计|预期|力争|计划|确保|争取|规划|到20\d\d年|以上|左右|将|要/;

/** Where a sentence stands: its paragraph and the top-level section it belongs to. */
export interface Place {
  paragraph: { start: number; end: number };
  section: number;
}

/**
 * What a paragraph says before a position: the last period it names and whether it speaks of
 * targets. Scanned once per paragraph rather than from the paragraph's start at every indicator:
 * text pasted from a PDF can be one paragraph, and rescanning it made the extraction quadratic.
 * (No period or target word runs on into an indicator's name, so a match either ends before the
 * indicator or starts after it.)
 */
export class ParagraphLeads {
  private start = -1;
  private periodEnds: number[] = [];
  private periodTexts: string[] = [];
  private firstPlanEnd = Infinity;

  constructor(private readonly content: string) {}

  before(paragraph: { start: number; end: number }, position: number): { period: string; plan: boolean } {
    if (paragraph.start !== this.start) {
      this.start = paragraph.start;
      const text = this.content.slice(paragraph.start, paragraph.end);
      const periods = [...text.matchAll(PERIOD)];
      this.periodEnds = periods.map((m) => paragraph.start + m.index + m[0].length);
      this.periodTexts = periods.map((m) => m[0]);
      const plan = PLAN.exec(text);
      this.firstPlanEnd = plan ? paragraph.start + plan.index + plan[0].length : Infinity;
    }
    const k = lastAtOrBefore(this.periodEnds, position);
    const named = this.periodEnds.length > 0 && this.periodEnds[k] <= position;
    return { period: named ? this.periodTexts[k] : '', plan: this.firstPlanEnd <= position };
  }
}

/**
 * Indicator mentions: a named indicator with its value and the period the paragraph names before
 * it. Reports mix periods freely (过去五年, 今年 as the plan year), so mentions are compared only
 * within one top-level section, and any paragraph that speaks of targets is left out.
 */
export function indicatorClaims(s: SentenceShape, content: string, place: Place, leads: ParagraphLeads, out: Claim[]): void {
  if (!INDICATOR_HINT.test(s.shape)) return;
  INDICATOR.lastIndex = 0;
  for (let m = INDICATOR.exec(s.shape); m; m = INDICATOR.exec(s.shape)) {
    const q = quantityAt(s, m.index + m[0].length - 1)!;
    if (!isAmount(q.family)) continue;
    const start = offsetOf(s, m.index);
    if (GROUP_NAMES.has(m.groups!.name) && !WHOLE_LEAD.test(s.shape.slice(Math.max(0, m.index - 4), m.index))) continue;
    const lead = leads.before(place.paragraph, start);
    if (lead.plan || PLAN.test(m.groups!.link)) continue;
    let period = lead.period;
    // The document's own period needs no name: 全年 and 今年 say the same as nothing.
    if (SAME_PERIOD.test(period)) period = '';
    const claim: Claim = {
      kind: 'indicator',
      start,
      end: q.end,
      label: m.groups!.name,
      values: { value: q.value, low: q.value - q.half, high: q.value + q.half, conflict: 0 },
      text: { period, family: q.family!, section: String(place.section), valueText: content.slice(q.start, q.end) },
      spans: { value: { start: q.start, end: q.end } },
    };
    claim.reason = unusable([q]);
    out.push(claim);
  }
}

const differ = (a: Claim, b: Claim) => a.values.high < b.values.low || b.values.high < a.values.low;
/** Values this far apart are another period or scope (a five-year total beside one year's), not a slip. */
const close = (a: Claim, b: Claim) => a.values.value <= 1.5 * b.values.value && b.values.value <= 1.5 * a.values.value;

/**
 * Marks each mention whose value differs, beyond rounding, from every earlier mention of the same
 * indicator, period and section, while staying within a factor of 1.5 of one of them.
 */
export function markConflicts(claims: Claim[]): void {
  const first = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.kind !== 'indicator' || c.reason) continue;
    const key = `${c.label}\u0000${c.text.period}\u0000${c.text.family}\u0000${c.text.section}`;
    const earlier = first.get(key) ?? [];
    const other = earlier.find((e) => close(e, c));
    if (other && earlier.every((e) => differ(e, c))) {
      c.values.conflict = 1;
      c.values.otherValue = other.values.value;
      c.text.otherText = other.text.valueText;
      c.text.difference = fmt(c.values.value - other.values.value);
    }
    earlier.push(c);
    first.set(key, earlier);
  }
}
