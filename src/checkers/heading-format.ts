import type { Heading } from '../model/headings.js';
import type { Bilingual } from '../rules/definition.js';
import type { Checker, Hit } from './types.js';
import { chineseNumeral } from './util.js';

const FULL = { open: '（', close: '）' };
const ASCII = { open: '(', close: ')' };

const MESSAGES: Record<string, Bilingual> = {
  punct: {
    zh: '序号“{found}”格式不规范，{level}层序号应写作“{expected}”',
    en: 'Ordinal "{found}" is malformed; level {levelNumber} ordinals are written "{expected}"',
  },
  garbled: {
    zh: '序号“{found}”有误，按顺序应为“{expected}”',
    en: 'Ordinal "{found}" is garbled; the sequence expects "{expected}"',
  },
  brackets: {
    zh: '同一层序号的括号全角、半角混用：“{found}”，本文该层多用“{expected}”的写法',
    en: 'Full-width and ASCII brackets are mixed within one ordinal level: "{found}"; this document mostly writes "{expected}"',
  },
};

const LEVEL_ZH = ['', '第一', '第二', '第三', '第四'];

type BracketForm = 'full' | 'ascii' | 'mixed';

function bracketForm(raw: string): BracketForm {
  const open = raw.trimStart()[0];
  const close = raw.replace(/[、.．]$/, '').trimEnd().slice(-1);
  if (open === '（' && close === '）') return 'full';
  if (open === '(' && close === ')') return 'ascii';
  return 'mixed';
}

function bracketed(h: Heading, form: 'full' | 'ascii', value: number): string {
  const b = form === 'full' ? FULL : ASCII;
  const numeral = h.ordinal!.style === 'cn-paren' ? chineseNumeral(value) : String(value);
  return `${b.open}${numeral}${b.close}`;
}

/**
 * The four ordinal forms of GB/T 9704-2012 §7.3.3 — 一、 （一） 1. （1）— and one bracket width per
 * level. Fixes are offered only when the intended form is certain: the punctuation of the level,
 * a numeral the sequence determines, the bracket width most of the level uses.
 */
export const headingFormatChecker: Checker = {
  type: 'heading-format',
  compile() {
    return (model, emit) => {
      const hits: Hit[] = [];
      const arabicDots = model.headings.filter((h) => h.ordinal?.style === 'arabic-dot' && h.ordinal.punct !== '、');
      const fullStops = arabicDots.filter((h) => h.ordinal!.punct === '．').length;
      const arabicDot = fullStops * 2 > arabicDots.length ? '．' : '.';

      // Bracket width per level: the majority form; a tie goes to the standard's full-width form.
      const forms = new Map<number, { full: number; ascii: number }>();
      for (const h of model.headings) {
        const o = h.ordinal;
        if (!o || (o.style !== 'cn-paren' && o.style !== 'arabic-paren')) continue;
        const f = bracketForm(o.raw);
        const c = forms.get(h.level) ?? { full: 0, ascii: 0 };
        if (f !== 'mixed') c[f]++;
        forms.set(h.level, c);
      }

      for (const h of model.headings) {
        const o = h.ordinal;
        if (!o) continue;
        const evidence = { found: o.raw, level: LEVEL_ZH[h.level], levelNumber: h.level };
        if (o.inferred) {
          const form = bracketForm(o.raw);
          const expected = bracketed(h, form === 'ascii' ? 'ascii' : 'full', o.value);
          hits.push({ start: o.start, end: o.end, message: MESSAGES.garbled, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
          continue;
        }
        if (o.style === 'cn-dun' && o.punct !== '、') {
          const expected = `${chineseNumeral(o.value)}、`;
          hits.push({ start: o.start, end: o.end, message: MESSAGES.punct, evidence: { ...evidence, expected }, fix: { start: o.end - 1, end: o.end, text: '、' } });
          continue;
        }
        if (o.style === 'arabic-dot' && o.punct === '、') {
          const expected = `${o.value}${arabicDot}`;
          hits.push({ start: o.start, end: o.end, message: MESSAGES.punct, evidence: { ...evidence, expected }, fix: { start: o.end - 1, end: o.end, text: arabicDot } });
          continue;
        }
        if (o.style !== 'cn-paren' && o.style !== 'arabic-paren') continue;
        const counts = forms.get(h.level)!;
        const majority = counts.ascii > counts.full ? 'ascii' : 'full';
        const form = bracketForm(o.raw);
        const minority = form === 'mixed' || (form !== majority && counts.full > 0 && counts.ascii > 0);
        if (o.punct) {
          // （一）、 → （一）: the bracket already separates the ordinal.
          const body = o.raw.slice(0, o.raw.length - o.punct.length);
          const expected = minority ? bracketed(h, majority, o.value) : body;
          hits.push({ start: o.start, end: o.end, message: MESSAGES.punct, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
        } else if (minority) {
          const expected = bracketed(h, majority, o.value);
          hits.push({ start: o.start, end: o.end, message: MESSAGES.brackets, evidence: { ...evidence, expected }, fix: { start: o.start, end: o.end, text: expected } });
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
