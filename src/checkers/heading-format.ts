import type { Heading } from '../model/headings.js';
import type { Bilingual } from '../rules/definition.js';
import type { Fix } from '../types.js';
import type { Checker, Hit } from './types.js';
import { chineseNumeral, replaceUnits } from './util.js';

const MESSAGES: Record<string, Bilingual> = {
  punct: {
    zh: '序号“{found}”格式不规范，{level}层序号应写作“{expected}”',
    en: 'Ordinal "{found}" is malformed; level {levelNumber} ordinals are written "{expected}"',
  },
  punctShifted: {
    zh: '序号“{found}”格式不规范，应写作“{expected}”（GB/T 9704-2012 的{level}层写法；本文把它用作{docLevel}层）',
    en: 'Ordinal "{found}" is malformed; write "{expected}" (the level {levelNumber} form of GB/T 9704-2012, used here as level {docLevelNumber})',
  },
  garbled: {
    zh: '序号“{found}”有误，按顺序应为“{expected}”',
    en: 'Ordinal "{found}" is garbled; the sequence expects "{expected}"',
  },
  unopened: {
    zh: '序号“{found}”缺少前半个括号，应写作“{expected}”',
    en: 'Ordinal "{found}" lacks its opening bracket; write "{expected}"',
  },
  halfwidth: {
    zh: '序号“{found}”用了半角括号，应使用全角括号“{expected}”',
    en: 'Ordinal "{found}" uses ASCII brackets; write "{expected}" with full-width brackets',
  },
  halfwidthAll: {
    zh: '本文{level}层序号都用半角括号（共{count}处，如“{found}”），应使用全角括号（如“{expected}”），可用 --fix 一并改正',
    en: 'All {count} level {levelNumber} ordinals of this document use ASCII brackets (such as "{found}"); write full-width brackets ("{expected}"); --fix corrects them all',
  },
};

const LEVEL_ZH = ['', '第一', '第二', '第三', '第四', '第五', '第六'];

type BracketForm = 'full' | 'ascii' | 'mixed';

function bracketForm(raw: string): BracketForm {
  const open = raw.trimStart()[0];
  const close = raw.replace(/[、.．]$/, '').trimEnd().slice(-1);
  if (open === '（' && close === '）') return 'full';
  if (open === '(' && close === ')') return 'ascii';
  return 'mixed';
}

function fullWidth(h: Heading, value: number): string {
  const numeral = h.ordinal!.style === 'cn-paren' ? chineseNumeral(value) : String(value);
  return `（${numeral}）`;
}

/** This many ordinals of one level in ASCII brackets, and none in full-width ones, are the document's habit: one finding. */
const HABIT = 3;

/**
 * One fix for every ordinal of a habit: the span from the first to the last with each ASCII bracket
 * turned full-width in place. It has the span's length, so the fix planner reduces it to the
 * brackets and another rule's fix between them is not blocked.
 */
function habitFix(text: string, list: readonly Heading[]): Fix {
  const start = list[0].ordinal!.start;
  const end = list[list.length - 1].ordinal!.end;
  const edits: Array<{ at: number; text: string }> = [];
  for (const h of list) {
    const o = h.ordinal!;
    for (let i = o.start; i < o.end; i++) {
      if (text[i] === '(') edits.push({ at: i, text: '（' });
      else if (text[i] === ')') edits.push({ at: i, text: '）' });
    }
  }
  return { start, end, text: replaceUnits(text, start, end, edits) };
}

/** A bracketed ordinal that has its opening bracket (not 1） or 一）). */
const OPENED = /^[（(]/;
/** Horizontal space inside an ordinal (一 、): the heading scanner's SP. */
const SPACED = /[ \t\u3000\u2002\u2003\u00a0]/;

/** An ordinal opening a Latin-script line (`(1) Fixed a crash`) keeps its ASCII brackets. */
const LATIN_TITLE = /^[A-Za-z]/;

/**
 * The level each standard level plays in this document: a document that numbers 一、 then 1、
 * (skipping （一）) uses the third-level form as its second level. Counted from the levels present.
 */
function documentLevels(headings: readonly Heading[]): number[] {
  const present = [false, false, false, false, false];
  for (const h of headings) if (h.ordinal) present[h.level] = true;
  const rank = [0, 0, 0, 0, 0];
  let n = 0;
  for (let l = 1; l <= 4; l++) if (present[l]) rank[l] = ++n;
  return rank;
}

/**
 * The four ordinal forms of GB/T 9704-2012 §7.3.3 — 一、 （一） 1. （1）— with full-width brackets.
 * Fixes are offered only when the intended form is certain: the punctuation of the level, a
 * numeral the sequence determines, full-width brackets for ASCII ones.
 */
export const headingFormatChecker: Checker = {
  type: 'heading-format',
  compile() {
    return (model, emit) => {
      const hits: Hit[] = [];
      const arabicDots = model.headings.filter((h) => h.ordinal?.style === 'arabic-dot' && h.ordinal.punct !== '、');
      const fullStops = arabicDots.filter((h) => h.ordinal!.punct === '．').length;
      const arabicDot = fullStops * 2 > arabicDots.length ? '．' : '.';
      const docLevel = documentLevels(model.headings);

      // Ordinals in ASCII brackets that only their width keeps from the standard form, per level; a
      // level with no full-width one and at least HABIT of them is a habit of the document.
      const ascii = new Map<number, Heading[]>();
      const fullCount = new Map<number, number>();
      for (const h of model.headings) {
        const o = h.ordinal;
        if (!o || (o.style !== 'cn-paren' && o.style !== 'arabic-paren')) continue;
        if (bracketForm(o.raw) === 'full') fullCount.set(h.level, (fullCount.get(h.level) ?? 0) + 1);
        else if (!o.inferred && !o.punct && OPENED.test(o.raw) && !LATIN_TITLE.test(h.title) && !/[\r\n]/.test(o.raw)) {
          const list = ascii.get(h.level) ?? [];
          list.push(h);
          ascii.set(h.level, list);
        }
      }
      const habits = new Set<Heading>();
      for (const [level, list] of ascii) {
        if (list.length < HABIT || fullCount.has(level)) continue;
        for (const h of list) habits.add(h);
        const first = list[0].ordinal!;
        const expected = fullWidth(list[0], first.value);
        hits.push({
          start: first.start,
          end: first.end,
          message: MESSAGES.halfwidthAll,
          evidence: { found: first.raw, expected, level: LEVEL_ZH[level], levelNumber: level, count: list.length },
          fix: habitFix(model.text, list),
        });
      }

      for (const h of model.headings) {
        const o = h.ordinal;
        if (!o) continue;
        const evidence = {
          found: o.raw,
          level: LEVEL_ZH[h.level],
          levelNumber: h.level,
          docLevel: LEVEL_ZH[docLevel[h.level]],
          docLevelNumber: docLevel[h.level],
        };
        const punct = docLevel[h.level] === h.level ? MESSAGES.punct : MESSAGES.punctShifted;
        if (o.inferred) {
          const expected = fullWidth(h, o.value);
          hits.push({ start: o.start, end: o.end, message: MESSAGES.garbled, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
          continue;
        }
        // 一 、 and 1 、: a space between the numeral and its mark is a slip of the keyboard; the fix closes it
        // (and writes the mark the level takes).
        if ((o.style === 'cn-dun' || o.style === 'arabic-dot') && SPACED.test(o.raw)) {
          const mark = o.style === 'cn-dun' ? '、' : o.punct === '、' ? arabicDot : o.punct;
          const expected = `${o.style === 'cn-dun' ? chineseNumeral(o.value) : o.value}${mark}`;
          hits.push({ start: o.start, end: o.end, message: punct, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
          continue;
        }
        if (o.style === 'cn-dun' && o.punct !== '、') {
          const expected = `${chineseNumeral(o.value)}、`;
          hits.push({ start: o.start, end: o.end, message: punct, evidence: { ...evidence, expected }, fix: { start: o.end - 1, end: o.end, text: '、' } });
          continue;
        }
        // 1、 and 1：: the third level takes a full stop.
        if (o.style === 'arabic-dot' && o.punct !== '.' && o.punct !== '．') {
          const expected = `${o.value}${arabicDot}`;
          hits.push({ start: o.start, end: o.end, message: punct, evidence: { ...evidence, expected }, fix: { start: o.end - 1, end: o.end, text: arabicDot } });
          continue;
        }
        if (o.style !== 'cn-paren' && o.style !== 'arabic-paren') continue;
        if (!OPENED.test(o.raw)) {
          if (LATIN_TITLE.test(h.title)) continue;
          const expected = fullWidth(h, o.value);
          hits.push({ start: o.start, end: o.end, message: MESSAGES.unopened, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
          continue;
        }
        const asciiForm = bracketForm(o.raw) !== 'full' && !LATIN_TITLE.test(h.title);
        const expected = asciiForm ? fullWidth(h, o.value) : o.raw.slice(0, o.raw.length - o.punct.length);
        if (o.punct) {
          // （一）、 → （一）: the bracket already separates the ordinal.
          hits.push({ start: o.start, end: o.end, message: punct, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
        } else if (asciiForm && !habits.has(h)) {
          hits.push({ start: o.start, end: o.end, message: MESSAGES.halfwidth, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
        }
      }
      for (const hit of hits) {
        // A heading broken across lines (`（` / `三）`) is reported but not rewritten: the fix would join the lines.
        if (/[\r\n]/.test(model.text.slice(hit.start, hit.end))) delete hit.fix;
        emit(hit);
      }
    };
  },
};
