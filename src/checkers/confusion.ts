import type { DocumentModel } from '../model/document.js';
import type { Bilingual, RuleDefinition } from '../rules/definition.js';
import { prepared, preparedAsync } from '../rules/prepared.js';
import { datedInWindow, writingYear } from './term-table.js';
import type { Checker, Hit } from './types.js';
import { ruleRegex } from './util.js';
import { WordTrie } from './word-trie.js';

/** One confusion: a wrong form, the right one, and where the wrong form is wrong. */
export interface ConfusionEntry {
  wrong: string;
  right: string;
  /** Regexes for the text just before / after the wrong form: it is wrong only where they match (none: always). */
  before?: string;
  after?: string;
  /** Regexes for the text just before / after in which the wrong form is right after all. */
  notBefore?: string;
  notAfter?: string;
  /** Words that contain the wrong form and are right (现象 for 象). */
  except?: string[];
  why?: Bilingual;
  /** The replacement is safe to apply without reading the sentence. */
  fix?: boolean;
  source?: string;
  /** A renamed body: the last year the old name is current; later documents are reported. */
  until?: number;
  /** A sentence in which the wrong form is wrong (the test suite plants it and its correction). */
  example?: string;
  /** Sentences in which the wrong form appears and is right. */
  valid?: string[];
}

interface ConfusionOptions {
  entries?: ConfusionEntry[];
  /** Words in which no entry of the rule is reported (a team's whitelist: names, terms of art). */
  allow?: string[];
  /** Whether entries without `fix` are safe fixes. */
  fix?: boolean;
  /** The year the list became the norm: documents dated earlier are not checked (undated ones are). */
  since?: number;
  /** Entries generated from a conversion table: `traditional` = OpenCC's traditional→simplified characters. */
  generate?: 'traditional';
  /** More than `max` findings that are over 10% of the text: the text is in the other script; one finding says so. */
  limit?: { max: number; message: Bilingual };
}

/** Characters of context a `before`/`after` regex sees: enough for a date or a collocation, and bounded. */
const CONTEXT = 12;

/** A context regex, compiled on first use: most entries never meet their wrong form in a document. */
type Lazy = () => RegExp;

interface Compiled {
  entry: ConfusionEntry;
  before?: Lazy;
  after?: Lazy;
  notBefore?: Lazy;
  notAfter?: Lazy;
  /** Words containing the wrong form that silence it, with the wrong form's offset in each. */
  except: Array<{ word: string; offset: number }>;
  fix: boolean;
}

function occurrences(word: string, part: string): number[] {
  const out: number[] = [];
  for (let i = word.indexOf(part); i >= 0; i = word.indexOf(part, i + 1)) out.push(i);
  return out;
}

function covered(content: string, start: number, except: Compiled['except']): boolean {
  for (const { word, offset } of except) if (start - offset >= 0 && content.startsWith(word, start - offset)) return true;
  return false;
}

/** Inside 《…》 or “…” opened on the same line: a quoted name or title keeps its own script. */
function quoted(content: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 40; i--) {
    const c = content[i];
    if (c === '\n' || c === '》' || c === '”') return false;
    if (c === '《' || c === '“') return true;
  }
  return false;
}

/**
 * A regex checked now, so that a bad one in a rule file is reported when the rules load, and compiled
 * when first used. The check of a built-in rule's regex was made by the build (prepared): building
 * the pack's thousand context regexes cost a fifth of the rules' loading.
 */
function lazyRegex(rule: RuleDefinition, pointer: string, source: string): Lazy {
  prepared('valid-regex', source, () => ruleRegex(rule, pointer, source, 'u') && true);
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, 'u'));
}

function compileEntry(rule: RuleDefinition, entry: ConfusionEntry, i: number, allow: string[], fixDefault: boolean): Compiled {
  const at = (key: string) => `/options/entries/${i}/${key}`;
  const tail = (key: 'before' | 'notBefore') => (entry[key] ? lazyRegex(rule, at(key), `(?:${entry[key]})$`) : undefined);
  const head = (key: 'after' | 'notAfter') => (entry[key] ? lazyRegex(rule, at(key), `^(?:${entry[key]})`) : undefined);
  const except = [...(entry.except ?? []), ...allow].flatMap((word) => occurrences(word, entry.wrong).map((offset) => ({ word, offset })));
  return { entry, before: tail('before'), after: head('after'), notBefore: tail('notBefore'), notAfter: head('notAfter'), except, fix: entry.fix ?? fixDefault };
}

/** The entries of OpenCC's traditional→simplified character table, less the characters that are also simplified (乾, 著, 於 as a surname is not told apart). */
export async function traditionalEntries(): Promise<ConfusionEntry[]> {
  return preparedAsync('traditional-entries', 'opencc-js', readTraditionalEntries);
}

async function readTraditionalEntries(): Promise<ConfusionEntry[]> {
  const [{ default: ts }, { default: st }] = await Promise.all([import('opencc-js/dict/TSCharacters'), import('opencc-js/dict/STCharacters')]);
  const simplified = new Set<string>();
  for (const pair of st.split('|')) simplified.add(pair.split(' ')[0]);
  const rows = ts.split('|').map((pair) => pair.split(' '));
  for (const [, ...targets] of rows) for (const t of targets) simplified.add(t);
  return rows
    .filter(([trad]) => !simplified.has(trad))
    .map(([trad, ...targets]) => ({ wrong: trad, right: targets.join('/'), fix: targets.length === 1 }));
}

/**
 * Wrong characters and words from a table of confusions: each entry names a wrong form, the right
 * one and the context in which the wrong form is wrong. All wrong forms of a rule go into one trie,
 * searched once per document; only a hit's few characters of context are then read. Entries with
 * `until` are bodies renamed in a given year, checked against the document's year like term-table.
 */
export const confusionChecker: Checker = {
  type: 'confusion',
  async compile(rule: RuleDefinition) {
    const options = (rule.options ?? {}) as ConfusionOptions;
    const allow = options.allow ?? [];
    const given = (options.entries ?? []).map((entry, i) => compileEntry(rule, entry, i, allow, options.fix ?? false));
    const generated = options.generate === 'traditional' ? (await traditionalEntries()).map((entry, i) => compileEntry(rule, entry, i, allow, options.fix ?? false)) : [];
    const trie = new WordTrie<Compiled>();
    for (const c of [...given, ...generated]) trie.add(c.entry.wrong, c);
    const checkQuotes = options.generate === 'traditional';

    return (model: DocumentModel, emit) => {
      const { content } = model;
      if (options.since !== undefined && model.facts.year !== undefined && model.facts.year < options.since) return;
      let year: number | null | undefined = null;
      const hits: Hit[] = [];
      trie.scan(content, (start, end, entries) => {
        for (const c of entries) {
          const { entry } = c;
          if (entry.until !== undefined) {
            if (year === null) year = writingYear(model);
            if (year === undefined || year <= entry.until) continue;
            if (datedInWindow(content, start, (y) => y <= entry.until!)) continue;
          }
          const left = content.slice(Math.max(0, start - CONTEXT), start);
          const right = c.after || c.notAfter ? content.slice(end, end + CONTEXT) : '';
          if (c.before && !c.before().test(left)) continue;
          if (c.after && !c.after().test(right)) continue;
          if (c.notBefore?.().test(left) || c.notAfter?.().test(right)) continue;
          if (covered(content, start, c.except)) continue;
          if (checkQuotes && quoted(content, start)) continue;
          hits.push({
            start,
            end,
            evidence: {
              match: model.text.slice(start, end),
              right: entry.right,
              why: entry.why ? `：${entry.why.zh}` : '',
              whyEn: entry.why ? `: ${entry.why.en}` : '',
              note: entry.why?.zh ?? '',
              noteEn: entry.why?.en ?? '',
              ...(year ? { year } : {}),
            },
            ...(c.fix ? { fix: { start, end, text: entry.right } } : {}),
          });
          break;
        }
      });
      // Overlapping wrong forms (计生委 inside 卫生计生委): the earliest, then the longest, is reported.
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: Hit[] = [];
      for (const h of hits) if (kept.length === 0 || h.start >= kept[kept.length - 1].end) kept.push(h);
      // A text written in the other script throughout is not a draft with slips in it: one finding says so.
      const { limit } = options;
      if (limit && kept.length > limit.max && kept.length * 10 > content.length) {
        emit({ start: kept[0].start, end: kept[0].end, message: limit.message, evidence: { ...kept[0].evidence, count: kept.length } });
        return;
      }
      for (const h of kept) emit(h);
    };
  },
};
