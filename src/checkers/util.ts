import type { DocumentModel, Section } from '../model/document.js';
import type { Heading } from '../model/headings.js';
import { RuleError, type Bilingual, type RuleDefinition } from '../rules/definition.js';
import type { Span } from '../types.js';
import type { Hit } from './types.js';

/** Compiles a regex from a rule file, naming the file and the option when it is invalid. */
export function ruleRegex(rule: RuleDefinition, pointer: string, source: string, flags = 'gu'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new RuleError(rule.file, pointer, { id: 'rule.badRegex', values: { detail: (e as Error).message } });
  }
}

/** Visits every section of the tree, parents before children. */
export function walkSections(section: Section, visit: (s: Section) => void): void {
  visit(section);
  for (const child of section.children) walkSections(child, visit);
}

/** Headings whose title matches `re`, with the span their section covers. */
export function sectionsTitled(model: DocumentModel, re: RegExp): Array<{ heading: Heading; start: number; end: number }> {
  const out: Array<{ heading: Heading; start: number; end: number }> = [];
  walkSections(model.root, (s) => {
    if (s.heading && re.test(s.heading.title)) out.push({ heading: s.heading, start: s.start, end: s.end });
  });
  return out;
}

/** Spans where web and e-mail addresses sit: no punctuation or number rule looks inside them. */
// An address starts where its run of address characters starts: a search that tried every position
// of a long run (a line of digits, of `a.a.a`) would rescan the rest of the run from each.
const WEB = '(?:https?:\\/\\/|www\\.)[\\x21-\\x7e]+';
const EMAIL = '(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
const ADDRESS = new RegExp(`${WEB}|${EMAIL}`, 'g');
const WEB_ONLY = new RegExp(WEB, 'g');
const EMAIL_ONLY = new RegExp(EMAIL, 'g');
/** Several rules ask for the same document's addresses in turn: the last answer is kept. */
let lastAddresses: { content: string; spans: readonly Span[] } | undefined;

export function addressSpans(content: string): readonly Span[] {
  if (lastAddresses?.content === content) return lastAddresses.spans;
  // A web address contains :// or www., an e-mail address @: where one kind cannot occur, the
  // other's pattern alone finds the same spans, and a document with neither has none.
  const web = content.includes('://') || content.includes('www.');
  const email = content.includes('@');
  const re = web && email ? ADDRESS : web ? WEB_ONLY : email ? EMAIL_ONLY : undefined;
  const spans: Span[] = [];
  if (re) {
    re.lastIndex = 0;
    for (let m = re.exec(content); m; m = re.exec(content)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  lastAddresses = { content, spans };
  return spans;
}

/** Two or more Latin words in a row (Fixed a crash (see #12).) and file names: their marks are their own. */
// Both alternatives start only where a run of word characters starts: started anywhere inside a long
// run (10^4 digits or letters), each would scan to the run's end and back, quadratic in its length.
const LATIN_RUN =
  /(?<![\w'’-])[A-Za-z][\w'’-]*[)\]"”]*[,;:]?[ \t]+[(\["“]?[A-Za-z][\w'’#@$&/+.-]*[)\]"”]*(?:[,;:]?[ \t]+[(\["“]?[A-Za-z0-9#@$&][\w'’#@$&/+.-]*[)\]"”]*)*[.!?]?|(?<![\w.-])[\w.-]+\.(?:docx?|xlsx?|pptx?|pdf|txt|md|wps|ofd|csv|zip|rar|png|jpe?g)\b/g;
export function latinSpans(content: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  LATIN_RUN.lastIndex = 0;
  for (let m = LATIN_RUN.exec(content); m; m = LATIN_RUN.exec(content)) {
    // A closing bracket whose opening one stands before the run belongs to the Chinese text around it.
    let depth = 0;
    let end = m.index + m[0].length;
    for (let i = m.index; i < end; i++) {
      const c = content[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth < 0) end = i;
    }
    spans.push({ start: m.index, end });
  }
  return spans;
}

/**
 * `text` from `start` to `end` with single code units replaced (`edits` in ascending order). Copied
 * in slices between the edits: the span of a fix for a habit may be most of a document, and
 * splitting it into characters made a string for each.
 */
export function replaceUnits(text: string, start: number, end: number, edits: ReadonlyArray<{ at: number; text: string }>): string {
  const parts: string[] = [];
  let from = start;
  for (const { at, text: unit } of edits) {
    parts.push(text.slice(from, at), unit);
    from = at + 1;
  }
  parts.push(text.slice(from, end));
  return parts.join('');
}

const CN_DIGITS = '零一二三四五六七八九';
/** 1–99 as a Chinese ordinal numeral: 三, 十, 十二, 二十, 二十三. */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * Wraps `emit` so that a document broken wholesale (OCR text, a botched conversion) gets the first
 * `max` findings without a fix and then one finding that says how many there are, instead of hundreds.
 */
export function capped(emit: (hit: Hit) => void, max: number, summary: Bilingual): { emit: (hit: Hit) => void; flush: () => void } {
  const hits: Hit[] = [];
  return {
    emit: (hit) => hits.push(hit),
    flush: () => {
      hits.sort((a, b) => a.start - b.start);
      // Fixable findings always go through: a hidden fix would surface only after --fix, which must leave nothing to fix.
      let shown = 0;
      let next: Hit | undefined;
      for (const hit of hits) {
        if (hit.fix || shown < max) {
          emit(hit);
          if (!hit.fix) shown++;
        } else next ??= hit;
      }
      if (next) emit({ start: next.start, end: next.end, message: summary, evidence: { ...next.evidence, count: hits.length, shown: max } });
    },
  };
}

/**
 * Where a global regex resumes after an empty match: past one code point. With the u flag, a
 * lastIndex inside a surrogate pair is moved back to the pair's start, so stepping one code unit
 * before an emoji would match the same empty string forever.
 */
export function afterEmptyMatch(text: string, index: number): number {
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
