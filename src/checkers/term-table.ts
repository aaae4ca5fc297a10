import type { DocumentModel } from '../model/document.js';
import type { Bilingual, RuleDefinition } from '../rules/definition.js';
import { LiteralIndex, mayMatch, requiredChars, requiredLiterals, unitsPresent } from './required-chars.js';
import type { Checker, Hit } from './types.js';
import { afterEmptyMatch, ruleRegex } from './util.js';

interface TermEntry {
  /** A regular expression for the formulation as it is used when current. */
  match: string;
  /** First and last year in which the formulation is current (either may be open). */
  from?: number;
  to?: number;
  /** Years after `to` in which a mention may look back at the period (a report reviewing five years). */
  grace?: number;
  /** What the term is (the campaign, the plan period …), for the message. */
  note?: string;
  /** What to write instead, for the message. */
  use?: string;
  message?: Bilingual;
}

interface TermTableOptions {
  terms: TermEntry[];
}

function period(e: TermEntry): string {
  if (e.from && e.to) return e.from === e.to ? `${e.from}年` : `${e.from}—${e.to}年`;
  if (e.from) return `${e.from}年起`;
  return `${e.to}年及以前`;
}

function periodEn(e: TermEntry): string {
  if (e.from && e.to) return e.from === e.to ? `${e.from}` : `${e.from}–${e.to}`;
  if (e.from) return `${e.from} onwards`;
  return `${e.to} and before`;
}

const SENTENCE_START = /[。！？；\n\r]/;

/**
 * The sentence dates the formulation itself in its window (grace years included): 2025年是“十四五”收官之年
 * in a 2026 report, 2017年县安监局 in a 2024 review.
 */
export function datedInWindow(content: string, at: number, inWindow: (year: number) => boolean): boolean {
  let i = at;
  while (i > 0 && at - i < 60 && !SENTENCE_START.test(content[i - 1])) i--;
  for (const m of content.slice(i, at).matchAll(/((?:19|20)\d{2})年/g)) if (inWindow(Number(m[1]))) return true;
  return false;
}

/** The document's year, when it can be trusted as the time of writing (a plan's opening year is often a target: 到2025年). */
export function writingYear(model: DocumentModel): number | undefined {
  const { year, title, type } = model.facts;
  if (year === undefined) return undefined;
  if ((type === 'plan' || type === 'other') && !title?.text.includes(String(year))) return undefined;
  return year;
}

/**
 * Time-bound formulations checked against the document's year through a table of terms, each
 * current from one year to another: 普法 and five-year-plan periods, party congresses and plenums
 * cited as the latest guidance, campaigns, renamed bodies. The table is the rule's options, so a
 * team extends it with a rule file of its own that uses this checker type.
 */
export const termTableChecker: Checker = {
  type: 'term-table',
  compile(rule: RuleDefinition) {
    const { terms } = rule.options as unknown as TermTableOptions;
    const compiled = terms.map((entry, i) => {
      const re = ruleRegex(rule, `/options/terms/${i}/match`, entry.match, 'gmu');
      return { entry, re, needs: requiredChars(re) };
    });
    const literals = new LiteralIndex(compiled.map(({ re }) => requiredLiterals(re)));
    return (model, emit) => {
      const year = writingYear(model);
      if (year === undefined) return;
      const hits: Hit[] = [];
      const present = unitsPresent(model);
      // The literal pass only once some entry is out of its window and has its characters.
      let held: ((i: number) => boolean) | undefined;
      for (const [i, { entry, re, needs }] of compiled.entries()) {
        const inWindow = (y: number) => (entry.from === undefined || y >= entry.from) && (entry.to === undefined || y <= entry.to + (entry.grace ?? 0));
        if (inWindow(year) || !mayMatch(needs, present) || !(held ??= literals.held(model.content))(i)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(model.content); m; m = re.exec(model.content)) {
          if (m[0].length === 0) {
            re.lastIndex = afterEmptyMatch(model.content, re.lastIndex);
            continue;
          }
          if (datedInWindow(model.content, m.index, inWindow)) continue;
          hits.push({
            start: m.index,
            end: m.index + m[0].length,
            message: entry.message,
            evidence: { match: model.text.slice(m.index, m.index + m[0].length), year, period: period(entry), periodEn: periodEn(entry), note: entry.note ?? '', use: entry.use ? `，宜改为“${entry.use}”` : '', useEn: entry.use ? `; write "${entry.use}"` : '' },
          });
        }
      }
      // Two entries may match one phrase (十七届五中全会 and 十七届…全会精神): keep the longest.
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      let end = -1;
      for (const h of hits) {
        if (h.start < end) continue;
        emit(h);
        end = h.end;
      }
    };
  },
};
