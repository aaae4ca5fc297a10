import { RuleError, type RuleDefinition } from '../rules/definition.js';
import type { Check, Checker } from './types.js';

interface RequiredSectionOptions {
  headings: string[];
  leads?: string[];
}

function compile(rule: RuleDefinition, pointer: string, source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (e) {
    throw new RuleError(rule.file, pointer, `invalid regular expression: ${(e as Error).message}`);
  }
}

/**
 * A document must contain a section: a heading whose title matches, or a sentence that opens the
 * content without a heading (`…但也存在一些问题：`). Reported once, at the title (else the first
 * heading, else the first sentence).
 */
export const requiredSectionChecker: Checker = {
  type: 'required-section',
  compile(rule: RuleDefinition): Check {
    const options = rule.options as unknown as RequiredSectionOptions;
    const headings = options.headings.map((s, i) => compile(rule, `/options/headings/${i}`, s));
    const leads = (options.leads ?? []).map((s, i) => compile(rule, `/options/leads/${i}`, s));
    return (model, emit) => {
      const { content } = model;
      if (model.headings.some((h) => headings.some((re) => re.test(h.title)))) return;
      if (leads.length && model.sentences.some((s) => leads.some((re) => re.test(content.slice(s.start, s.end))))) return;
      const anchor = model.facts.title ?? model.headings[0] ?? model.sentences[0];
      if (!anchor) return;
      emit({ start: anchor.start, end: anchor.end, evidence: { docType: model.facts.type } });
    };
  },
};
