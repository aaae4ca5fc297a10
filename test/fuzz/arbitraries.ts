import fc from 'fast-check';
import type { SourceFormat } from '../../src/types.js';
import { FRAGMENTS, type SeedDocument } from './seeds.js';

export const format: fc.Arbitrary<SourceFormat> = fc.constantFrom('text', 'markdown');

/** Any UTF-16 string: every code point, and lone surrogates too (what a broken decoder can hand over). */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join('')),
);

type Edit = { at: number; kind: 'insert'; fragment: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'duplicate'; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constant('insert' as const), fragment: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constant('duplicate' as const), length: fc.integer({ min: 1, max: 40 }) }),
);

function applyEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  if (e.kind === 'insert') return text.slice(0, at) + e.fragment + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  return text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
}

/** A seed document with random edits: ordinals, digits, punctuation, placeholders inserted, spans deleted or doubled. */
export function mutatedDocument(seeds: SeedDocument[]): fc.Arbitrary<SeedDocument> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 30 }), fc.option(format, { nil: undefined }))
    .map(([seed, edits, asFormat]) => ({ text: edits.reduce(applyEdit, seed.text), format: asFormat ?? seed.format }));
}

// --- rule files -----------------------------------------------------------------------------------

const atom = fc.constantFrom(
  'X', '×', '\\*', '[0-9]', '\\d', '[一二三四五六七八九十]', '[，、]', '。', '年', '月', '镇', '村', '工作', '[\\u4e00-\\u9fff]', '\\s', '[^。\\n]', '（', '）', '%',
);
const BOUNDED = ['', '', '?', '{2}', '{1,3}'];
const UNBOUNDED = [...BOUNDED, '+', '*', '{2,}'];

function regexOf(quantifiers: string[]): fc.Arbitrary<string> {
  const piece = fc
    .tuple(atom, fc.constantFrom(...quantifiers))
    .map(([a, q]) => `${a.length > 1 && !a.startsWith('[') && !a.startsWith('\\') ? `(?:${a})` : a}${q}`);
  return fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
}
export interface FuzzRuleDefinition {
  id: string;
  type: string;
  severity: 'error' | 'warning' | 'info';
  message: { zh: string; en: string };
  docs: { summary: { zh: string; en: string }; what: string; why: string; source: string };
  examples: { valid: string[]; invalid: string[] };
  options: Record<string, unknown>;
}

const bilingual = fc.constant({ zh: '测试消息：{match}', en: 'test message: {match}' });

/**
 * Rule files that pass the schema, with their ids numbered so that a set never repeats one.
 * `unbounded`: patterns may use + * {n,}, so some can backtrack polynomially — the load-time safety
 * check must refuse those (slow to analyse: the long run only); else only bounded quantifiers.
 */
export function ruleFiles(unbounded: boolean): fc.Arbitrary<FuzzRuleDefinition[]> {
  const plainRegex = regexOf(unbounded ? UNBOUNDED : BOUNDED);
  // A pattern entry: a plain regex, or one with a named number group and a condition over it.
  const patternSpec = fc.oneof(
    fc.record(
      { regex: plainRegex, ignoreCase: fc.boolean(), replace: fc.constantFrom('', '某', '$&', '（$&）') },
      { requiredKeys: ['regex'] },
    ),
    fc
      .record({
        before: plainRegex,
        op: fc.constantFrom('>', '<', '>=', '==', '!='),
        limit: fc.integer({ min: -5, max: 1000 }),
        expr: fc.constantFrom('n', 'n * 2 - 1', 'abs(n - 50)', 'round(n / 3)', 'max(n, 10)', 'n / 0'),
        useGroup: fc.boolean(),
        replace: fc.option(fc.constantFrom('$<n>', '［$<n>］'), { nil: undefined }),
      })
      .map(({ before, op, limit, expr, useGroup, replace }) => ({
        regex: `${before}(?<n>\\d{1,6}(?:\\.\\d+)?)`,
        where: `${expr} ${op} ${limit}`,
        ...(useGroup && { group: 'n' }),
        ...(replace !== undefined && { replace }),
      })),
  );
  const patternRule = fc
    .record({
      scope: fc.option(fc.constantFrom('text', 'headings', 'title'), { nil: undefined }),
      patterns: fc.array(patternSpec, { minLength: 1, maxLength: 3 }),
      ignore: fc.option(fc.array(plainRegex, { maxLength: 2 }), { nil: undefined }),
    })
    .map((o) => ({ type: 'pattern', options: Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) }));
  const requiredSectionRule = fc
    .record({ headings: fc.array(plainRegex, { minLength: 1, maxLength: 2 }), leads: fc.array(plainRegex, { maxLength: 2 }) })
    .map((options) => ({ type: 'required-section', options }));

  return fc
    .array(fc.tuple(fc.oneof(patternRule, patternRule, requiredSectionRule), fc.constantFrom('error', 'warning', 'info' as const), bilingual), {
      minLength: 1,
      maxLength: 4,
    })
    .map((rules) =>
      rules.map(([r, severity, message], i) => ({
        id: `fuzz-rule-${i}`,
        type: r.type,
        severity: severity as FuzzRuleDefinition['severity'],
        message,
        docs: { summary: { zh: '模糊测试规则', en: 'fuzz rule' }, what: '-', why: '-', source: '-' },
        examples: { valid: [], invalid: ['XX'] },
        options: r.options,
      })),
    );
}
