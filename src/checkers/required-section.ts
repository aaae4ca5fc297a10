import { RuleError, type RuleDefinition } from '../rules/definition.js';
import type { Check, Checker } from './types.js';

/**
 * The section's subject described by its morphology rather than by a list of titles: a subject
 * noun (问题, 短板, 薄弱环节 …), possibly several joined (困难和问题, 短板弱项), possibly qualified
 * (主要, 突出), introduced by a marker (存在的, 当前面临的) or a locative (工作中的), or paired
 * with what precedes it in the genre (成绩和不足).
 */
interface Topic {
  nouns: string[];
  qualifiers?: string[];
  markers?: string[];
  locatives?: string[];
  companions?: string[];
  joiners?: string[];
  /** Adverbs that turn a marker into a lead inside running text (还存在, 也面临). */
  adverbs?: string[];
}

interface RequiredSectionOptions {
  headings?: string[];
  leads?: string[];
  topic?: Topic;
}

function compile(rule: RuleDefinition, pointer: string, source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (e) {
    throw new RuleError(rule.file, pointer, { id: 'rule.badRegex', values: { detail: (e as Error).message } });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so that 不足之处 is taken whole before 不足. */
const alt = (words: readonly string[] = []) =>
  words.length ? `(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})` : '(?!)';

/** Text a title or lead prefix may hold before its marker: no clause break. */
const FREE = '[^，。；、,;：:！？!?]';
/** Where a title stops being a title: a run-in heading goes on with its text after these. */
const TITLE_END = /[：:，,；;。！？!?]/;
/** What every topic lead ends with. */
const COLON = /[：:]/;
/** Titles longer than this are running text, not a section name. */
const MAX_TITLE = 40;

function topicPatterns(t: Topic): { heading: RegExp; lead: RegExp; running: RegExp } {
  const join = alt(t.joiners);
  const nouns = `${alt(t.nouns)}(?:${join}?${alt(t.nouns)}){0,3}`;
  const quals = `${alt(t.qualifiers)}{0,2}`;
  // Introduced, then paired: 面临的形势和困难, 存在的差距和不足.
  const prefix =
    `(?:${FREE}{0,12}?${alt(t.markers)}着?的?` +
    `|${FREE}{0,10}?${alt(t.locatives)}的)?` +
    `(?:${alt(t.companions)}${join})?`;
  const subject = `${prefix}${quals}${nouns}(?:之处|方面)?`;
  return {
    // The whole title names the subject; another part may follow it (存在问题及下步打算).
    heading: new RegExp(`^${subject}(?:${join}${FREE}{1,14})?$`, 'u'),
    // A paragraph opened by the subject and a colon: 存在的主要问题是： 问题和不足主要表现在以下几个方面：
    lead: new RegExp(`^${subject}${FREE}{0,12}[：:]`, 'u'),
    // Inside a sentence: 工作中还存在一些问题和不足， — the subject closes the clause or introduces it.
    running: new RegExp(
      `${alt(t.adverbs)}(?:${alt(t.markers)}|有)着?${FREE}{0,10}?${nouns}(?:之处)?` +
        '(?=[，,：:。；;！!]|$|主要|具体|亟待|有待|需要|必须|表现|体现|集中)',
      'u',
    ),
  };
}

/**
 * A document must contain a section: a heading whose title names it, or a sentence that opens the
 * content without a heading (`…但也存在一些问题：`). Reported once, at the title (else the first
 * heading, else the first sentence).
 */
export const requiredSectionChecker: Checker = {
  type: 'required-section',
  compile(rule: RuleDefinition): Check {
    const options = rule.options as unknown as RequiredSectionOptions;
    const headings = (options.headings ?? []).map((s, i) => compile(rule, `/options/headings/${i}`, s));
    const leads = (options.leads ?? []).map((s, i) => compile(rule, `/options/leads/${i}`, s));
    const topic = options.topic ? topicPatterns(options.topic) : undefined;
    const headingMatches = (raw: string): boolean => {
      if (headings.some((re) => re.test(raw))) return true;
      if (!topic) return false;
      const cut = raw.search(TITLE_END);
      const title = (cut >= 0 ? raw.slice(0, cut) : raw).replace(/^[\s#]+|\s+$/g, '');
      return title.length <= MAX_TITLE && topic.heading.test(title);
    };
    const leadMatches = (sentence: string): boolean => {
      if (leads.some((re) => re.test(sentence))) return true;
      if (!topic) return false;
      // The lead pattern ends at a colon: most sentences have none and skip its backtracking.
      return (COLON.test(sentence) && topic.lead.test(sentence.trimStart())) || topic.running.test(sentence);
    };
    return (model, emit) => {
      const { content } = model;
      if (model.headings.some((h) => headingMatches(h.title))) return;
      if (model.sentences.some((s) => leadMatches(content.slice(s.start, s.end)))) return;
      const anchor = model.facts.title ?? model.headings[0] ?? model.sentences[0];
      if (!anchor) return;
      emit({ start: anchor.start, end: anchor.end, evidence: { docType: model.facts.type } });
    };
  },
};
