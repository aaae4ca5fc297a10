import type { DocumentModel } from '../model/document.js';
import { parseChineseInteger } from '../model/numerals.js';
import { RuleError, type Bilingual, type RuleDefinition } from '../rules/definition.js';
import type { Span } from '../types.js';
import { LiteralIndex, mayMatch, requiredChars, requiredLiterals, unitsPresent, type RequiredChars } from './required-chars.js';
import type { Check, Checker, Hit } from './types.js';
import { afterEmptyMatch, capped } from './util.js';
import { WordTrie } from './word-trie.js';

interface PatternSpec {
  regex: string;
  ignoreCase?: boolean;
  group?: string;
  where?: string;
  message?: Bilingual;
  replace?: string;
  /** With an empty `replace`: when the span is all its line holds (but spaces), the fix deletes the line with its break. */
  wholeLine?: boolean;
  /**
   * Strings one of which every match holds (in a lookbehind, say, where they cannot be read from the
   * regex): the pattern is tried only on documents that hold one. Without it they are read from the regex.
   */
  literals?: string[];
  /**
   * Strings at which every match starts (a space and a unit's first character): the pattern is tried,
   * sticky, only where one stands, and those places are found by the word tries' shared pass over the
   * text (positions of rare character pairs), not by a search of the text — for a pattern whose only
   * anchor is a character a search would stop at everywhere. Lookbehinds may read before the place.
   */
  at?: string[];
}

interface PatternOptions {
  scope?: 'text' | 'headings' | 'title';
  patterns: PatternSpec[];
  ignore?: string[];
  /** Also report the model's page-number runs (`7、` cutting a sentence), with this message. */
  pageMarkers?: { message: Bilingual };
  /** At most `max` findings per document, then one that says how many there are (a footer on every page). */
  limit?: { max: number; message: Bilingual };
}

interface CompiledPattern {
  re: RegExp;
  /** With `at`: the regex again, sticky, tried where one of `at` stands. */
  sticky?: RegExp;
  spec: PatternSpec;
  groupNames: string[];
  condition?: (scope: Record<string, number>) => boolean;
  needs: RequiredChars;
}

const FULLWIDTH_DIGIT = /[０-９．]/g;

/** A captured group as a number: Arabic (with , separators, full-width digits) or a Chinese integer. */
function toNumber(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  const ascii = s.replace(FULLWIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '');
  const n = Number(ascii);
  if (ascii !== '' && !Number.isNaN(n)) return n;
  return parseChineseInteger(s) ?? Number.NaN;
}

function compileRegex(rule: RuleDefinition, pointer: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new RuleError(rule.file, pointer, { id: 'rule.badRegex', values: { detail: (e as Error).message } });
  }
}

function groupNamesOf(re: RegExp): string[] {
  const names: string[] = [];
  for (const m of re.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)) names.push(m[1]);
  return names;
}

/**
 * Where each pattern's `at` strings start in `text`, by pattern index: one scan of the trie of them
 * all, over the word tries' shared candidate positions.
 */
function anchorPlaces(text: string, anchors: WordTrie<number>): Map<number, number[]> {
  const places = new Map<number, number[]>();
  anchors.scan(text, (start, _end, values) => {
    for (const v of values) {
      const list = places.get(v) ?? places.set(v, []).get(v)!;
      if (list[list.length - 1] !== start) list.push(start);
    }
  });
  return places;
}

/** The matches of a sticky regex at `places`, one at a time (null when done); empty matches are passed over. */
function matchesAt(text: string, sticky: RegExp, places: number[] | undefined): () => RegExpExecArray | null {
  let k = 0;
  return () => {
    while (places && k < places.length) {
      sticky.lastIndex = places[k++];
      const m = sticky.exec(text);
      if (m && m[0].length > 0) return m;
    }
    return null;
  };
}

/** Sorted, merged intervals where the rule's `ignore` patterns match. */
function ignoredIntervals(content: string, ignore: RegExp[]): Span[] {
  if (ignore.length === 0) return [];
  const spans: Span[] = [];
  for (const re of ignore) {
    re.lastIndex = 0;
    for (let m = re.exec(content); m; m = re.exec(content)) {
      if (m[0].length === 0) {
        re.lastIndex = afterEmptyMatch(content, re.lastIndex);
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

function overlapsAny(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < end;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';

/** Deleting [start, end): the whole line with its break when nothing but spaces stands beside the span on its line. */
function wholeLineFix(content: string, start: number, end: number): Span & { text: string } {
  let from = start;
  while (from > 0 && isBlank(content[from - 1])) from--;
  let to = end;
  while (to < content.length && isBlank(content[to])) to++;
  const atStart = from === 0 || content[from - 1] === '\n' || content[from - 1] === '\r';
  if (!atStart) return { start, end, text: '' };
  if (content[to] === '\r') to++;
  if (content[to] === '\n') to++;
  else if (to < content.length && content[to - 1] !== '\r') return { start, end, text: '' };
  return { start: from, end: to, text: '' };
}

function searchRanges(model: DocumentModel, scope: PatternOptions['scope']): Span[] {
  if (scope === 'headings') return model.headings.map((h) => ({ start: h.titleStart, end: h.titleEnd }));
  if (scope === 'title') return model.facts.title ? [model.facts.title] : [];
  return [{ start: 0, end: model.content.length }];
}

/**
 * Regular expressions over the document's content (markup masked). Several patterns may describe
 * one thing; overlapping hits of one rule are merged into the longest, so a placeholder run such as
 * `1XX32` is one finding.
 */
export const patternChecker: Checker = {
  type: 'pattern',
  async compile(rule: RuleDefinition): Promise<Check> {
    const options = rule.options as unknown as PatternOptions;
    const compiled: CompiledPattern[] = [];
    for (const [i, spec] of options.patterns.entries()) {
      const pointer = `/options/patterns/${i}`;
      const flags = `gmu${spec.ignoreCase ? 'i' : ''}${spec.group ? 'd' : ''}`;
      const re = compileRegex(rule, `${pointer}/regex`, spec.regex, flags);
      const groupNames = groupNamesOf(re);
      if (spec.group && !groupNames.includes(spec.group)) {
        throw new RuleError(rule.file, `${pointer}/group`, { id: 'rule.noGroup', values: { group: spec.group } });
      }
      let condition: CompiledPattern['condition'];
      if (spec.where) {
        const { compileCondition } = await import('../rules/expression.js');
        try {
          condition = compileCondition(spec.where, groupNames);
        } catch (e) {
          throw new RuleError(rule.file, `${pointer}/where`, { id: 'rule.badCondition', values: { detail: (e as Error).message } });
        }
      }
      const sticky = spec.at ? compileRegex(rule, `${pointer}/regex`, spec.regex, flags.replace('g', 'y')) : undefined;
      compiled.push({ re, sticky, spec, groupNames, condition, needs: requiredChars(re) });
    }
    // The `at` strings of every pattern in one trie (its values the patterns' indices): one scan finds them all.
    let anchors: WordTrie<number> | undefined;
    for (const [i, { spec }] of compiled.entries()) for (const a of spec.at ?? []) (anchors ??= new WordTrie<number>()).add(a, i);
    const literals = new LiteralIndex(compiled.map(({ re, spec }) => spec.literals ?? requiredLiterals(re)));
    const ignore = (options.ignore ?? []).map((src, i) => compileRegex(rule, `/options/ignore/${i}`, src, 'gmu'));

    return (model, report) => {
      const limited = options.limit ? capped(report, options.limit.max, options.limit.message) : undefined;
      const emit = limited?.emit ?? report;
      // The ignored spans matter only once a pattern has matched: most documents never pay for them.
      let ignored: Span[] | undefined;
      const present = unitsPresent(model);
      // The literal pass only once some pattern has its characters.
      let held: ((i: number) => boolean) | undefined;
      const hits: Hit[] = [];
      for (const range of searchRanges(model, options.scope)) {
        const haystack = range.start === 0 && range.end === model.content.length ? model.content : model.content.slice(range.start, range.end);
        let places: Map<number, number[]> | undefined;
        for (const [i, { re, sticky, spec, groupNames, condition, needs }] of compiled.entries()) {
          if (!mayMatch(needs, present) || !(held ??= literals.held(model.content))(i)) continue;
          re.lastIndex = 0;
          const next = sticky ? matchesAt(haystack, sticky, (places ??= anchorPlaces(haystack, anchors!)).get(i)) : undefined;
          for (let m = next ? next() : re.exec(haystack); m; m = next ? next() : re.exec(haystack)) {
            if (m[0].length === 0) {
              re.lastIndex = afterEmptyMatch(haystack, re.lastIndex);
              continue;
            }
            let start = range.start + m.index;
            let end = start + m[0].length;
            if (spec.group) {
              const indices = m.indices?.groups?.[spec.group];
              if (!indices) continue;
              start = range.start + indices[0];
              end = range.start + indices[1];
            }
            ignored ??= ignoredIntervals(model.content, ignore);
            if (overlapsAny(ignored, start, end)) continue;
            const groups = m.groups ?? {};
            if (condition) {
              const scope: Record<string, number> = {};
              for (const name of groupNames) scope[name] = toNumber(groups[name]);
              if (!condition(scope)) continue;
            }
            const evidence: Record<string, string> = { match: model.text.slice(start, end) };
            for (const name of groupNames) if (groups[name] !== undefined) evidence[name] = groups[name]!;
            const hit: Hit = { start, end, evidence, message: spec.message };
            if (spec.replace !== undefined) {
              const text = spec.replace.replace(/\$<([A-Za-z_$][\w$]*)>|\$&/g, (token, name?: string) =>
                name === undefined ? m![0] : (groups[name] ?? ''),
              );
              // A replacement equal to the text is no fix: applying it would leave the finding in place.
              if (text !== evidence.match) hit.fix = spec.wholeLine && text === '' ? wholeLineFix(model.content, start, end) : { start, end, text };
            }
            hits.push(hit);
          }
        }
      }
      if (options.pageMarkers) {
        for (const m of model.pageMarkers) hits.push({ start: m.start, end: m.end, evidence: { match: model.text.slice(m.start, m.end) }, message: options.pageMarkers.message });
      }
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      let last: Hit | undefined;
      for (const hit of hits) {
        if (last && hit.start < last.end) continue;
        emit(hit);
        last = hit;
      }
      limited?.flush();
    };
  },
};
