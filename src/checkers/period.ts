import type { Bilingual } from '../rules/definition.js';
import type { Checker, Hit } from './types.js';
import { sectionsTitled } from './util.js';

const MESSAGES: Record<'wholeYear' | 'lateMonth' | 'year' | 'pastTarget' | 'planYear', Bilingual> = {
  wholeYear: {
    zh: '标题所述期间为“{period}”，正文却写“{match}”，像是照搬了全年总结',
    en: 'The title covers "{period}" but the body says "{match}", as if copied from a full-year summary',
  },
  lateMonth: {
    zh: '标题所述期间为“{period}”（截至{endMonth}月），正文却把“{match}”当作已发生的事',
    en: 'The title covers "{period}" (to month {endMonth}) but the body reports "{match}" as done',
  },
  year: {
    zh: '标题年份为{year}年，正文却以“{match}”开头叙述本期工作',
    en: 'The title says {year} but the body opens its account with "{match}"',
  },
  planYear: {
    zh: '“{match}”与规划期不符：“{plan}”规划期为{from}—{to}年，{expected}',
    en: '"{match}" disagrees with the plan period: {planEn} runs {from}–{to}, {expectedEn}',
  },
  pastTarget: {
    zh: '“{match}”把{target}年当作尚未到来的目标年份，而本文是{year}年的{kind}，像是照搬了旧稿',
    en: '"{match}" sets {target} as a year still ahead, but this is a {year} {kindEn}, as if copied from an old draft',
  },
};

/** Sections that look ahead: their dates are plans, not results. */
const PLAN_SECTION = /计划|打算|思路|安排|设想|展望|下一步|下步|下半年|明年|重点工作|工作目标|主要任务/;
/** Words that make a sentence about the future or a target rather than a result. */
const FUTURE = /预计|计划|力争|争取|确保|将|拟|目标|任务|指标|前完成|底前|之前|以前|启动|筹备|筹划|准备|即将|有望|部署|安排/;
const WHOLE_YEAR = /一年来|(?<![上下今明去])全年(?!目标|任务|计划|指标|预计|的目标|的任务|工作目标|工作任务|度)/g;
const MONTH = /(?:今年|(?<year>(?:19|20)\d{2})年)(?<month>\d{1,2})月/g;
/**
 * A target set for a year (力争到2020年, 确保2023年底前, 计划于2022年): in a summary of a later year, or
 * a plan two years or more later, the year is past and the sentence was copied from an old draft. 原计划/原定 recalls an old
 * plan; a review nearby (过去五年, 回顾, 当时) speaks of the past on purpose.
 */
const PAST_TARGET = /(?:力争|确保|争取|计划|预计|拟)(?:在|到|于|到了)?(?<year>(?:19|20)\d{2})年(?:底前|底|末|前|内|上半年|下半年)?/g;
const TARGET_VERB = ['力争', '确保', '争取'];
const REVIEW_BEFORE = /过去|回顾|(?:五|三|几|两)年(?:来|间)|当时|原定|曾/;
/**
 * A year named as a stage of a five-year plan (2023年是“十三五”开局之年): the plan's years fix the year
 * of each stage, whatever the document's own year.
 */
const PLAN_STAGE = /(?<year>(?:19|20)\d{2})年(?:是|为|既是|作为)[^，。；！？\n]{0,8}?[“"]?十(?<n>[一二三四五六])五[”"]?(?:规划)?(?:的)?(?<stage>开局之年|起步之年|收官之年|决胜之年|最后一年|第(?<nth>[一二三四五])年|关键之年|攻坚之年|关键一年)/g;
const PLAN_NAME = /十[一二三四五六]五/;
const NTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const YEAR_OPENING = /^(?<year>(?:19|20)\d{2})年(?:以来|上半年|1[-—~～至]\d{1,2}月|，|,)/;

/**
 * A report on part of a year (上半年, 1—5月, 第一季度) whose body speaks of the whole year (一年来,
 * 全年 as a result) or of months after the period as past, or whose opening sentence names
 * another year than the title: the usual traces of last year's full-year summary reused.
 * Sections that plan ahead and sentences about targets and plans are not read.
 */
export const periodChecker: Checker = {
  type: 'period',
  compile() {
    return (model, emit) => {
      const { facts, content } = model;
      planStages(content, emit);
      if (!facts.title) return;
      const bodyStart = facts.title.end;
      const { type } = facts;
      if (facts.year !== undefined && (type === 'summary' || type === 'plan')) pastTargets(content, bodyStart, facts.year, type === 'plan', emit);
      // The rest reads summaries only: a plan's sections are all ahead.
      if (type !== 'summary') return;
      const plans = sectionsTitled(model, PLAN_SECTION);
      const inPlan = (i: number) => plans.some((p) => p.start <= i && i < p.end);

      if (facts.year !== undefined) {
        for (const s of model.sentences) {
          if (s.start < bodyStart) continue;
          const m = YEAR_OPENING.exec(content.slice(s.start, s.end));
          if (m && Number(m.groups!.year) !== facts.year && !inPlan(s.start)) {
            const match = m[0].replace(/[，,]$/, '');
            emit({ start: s.start, end: s.start + match.length, message: MESSAGES.year, evidence: { match, year: facts.year } });
          }
          break; // only the opening sentence of the body
        }
      }

      const period = facts.period;
      if (!period?.explicit || period.months[1] === 12) return;
      for (const s of model.sentences) {
        if (s.start < bodyStart || inPlan(s.start)) continue;
        const sentence = content.slice(s.start, s.end);
        if (FUTURE.test(sentence)) continue;
        WHOLE_YEAR.lastIndex = 0;
        for (let m = WHOLE_YEAR.exec(sentence); m; m = WHOLE_YEAR.exec(sentence)) {
          emit({ start: s.start + m.index, end: s.start + m.index + m[0].length, message: MESSAGES.wholeYear, evidence: { match: m[0], period: period.label } });
        }
        MONTH.lastIndex = 0;
        for (let m = MONTH.exec(sentence); m; m = MONTH.exec(sentence)) {
          const month = Number(m.groups!.month);
          const year = m.groups!.year ? Number(m.groups!.year) : facts.year;
          if (year !== facts.year || month <= period.months[1] || month > 12) continue;
          emit({ start: s.start + m.index, end: s.start + m.index + m[0].length, message: MESSAGES.lateMonth, evidence: { match: m[0], period: period.label, endMonth: period.months[1] } });
        }
      }
    };
  },
};

function pastTargets(content: string, from: number, year: number, plan: boolean, emit: (hit: Hit) => void): void {
  const [kind, kindEn] = plan ? ['计划', 'plan'] : ['总结', 'summary'];
  PAST_TARGET.lastIndex = from;
  for (let m = PAST_TARGET.exec(content); m; m = PAST_TARGET.exec(content)) {
    const target = Number(m.groups!.year);
    // A plan for a year is written late in the year before (预计2022年12月开工 in a plan for 2023); 原计划,
    // 按计划, 依计划 recall an old plan.
    if (target >= year - (plan ? 1 : 0) || (m.index > 0 && '原按依'.includes(content[m.index - 1]))) continue;
    // A summary tells what was planned and what came of it (该项目计划2023年底完工，因资金延期): there only the
    // words that set a target (力争, 确保, 争取) are an old draft's.
    if (!plan && !TARGET_VERB.includes(content.slice(m.index, m.index + 2))) continue;
    // The clause before the target, back to the last sentence end.
    let start = m.index;
    while (start > from && m.index - start < 40 && !'。！？；\n'.includes(content[start - 1])) start--;
    if (REVIEW_BEFORE.test(content.slice(start, m.index))) continue;
    emit({ start: m.index, end: m.index + m[0].length, message: MESSAGES.pastTarget, evidence: { match: m[0], target, year, kind, kindEn } });
  }
}

/** Each `20XX年是“十N五”…之年` whose year is not the year of that stage of the plan. */
function planStages(content: string, emit: (hit: Hit) => void): void {
  // Most documents name no five-year plan: one quick search (it starts at the rare 十) before the scan
  // that starts at every year.
  if (!PLAN_NAME.test(content)) return;
  PLAN_STAGE.lastIndex = 0;
  for (let m = PLAN_STAGE.exec(content); m; m = PLAN_STAGE.exec(content)) {
    const g = m.groups!;
    const year = Number(g.year);
    // 十一五 is 2006—2010; each plan after it five years later.
    const from = 2006 + (NTH[g.n] - 1) * 5;
    const to = from + 4;
    const stage = g.stage;
    let expected: number | undefined;
    if (stage === '开局之年' || stage === '起步之年') expected = from;
    else if (stage === '收官之年' || stage === '决胜之年' || stage === '最后一年') expected = to;
    else if (g.nth) expected = from + NTH[g.nth] - 1;
    if (expected !== undefined ? year === expected : year >= from && year <= to) continue;
    const plan = `十${g.n}五`;
    emit({
      start: m.index,
      end: m.index + m[0].length,
      message: MESSAGES.planYear,
      evidence: {
        match: m[0],
        plan,
        planEn: `the ${['11th', '12th', '13th', '14th', '15th', '16th'][NTH[g.n] - 1]} five-year plan`,
        from,
        to,
        expected: expected !== undefined ? `${stage.replace(/之年$/, '')}之年应为${expected}年` : `${year}年不在其中`,
        expectedEn: expected !== undefined ? `so that stage is ${expected}` : `which does not include ${year}`,
      },
    });
  }
}
