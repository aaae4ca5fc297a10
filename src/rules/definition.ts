import { located, type Problem } from '../i18n/problem.js';
import type { DocType, Level, Locale, Localized, SourceFormat } from '../types.js';

export interface Bilingual {
  zh: string;
  en: string;
}

export type LocalizedText = string | Localized;

export type RuleExample = string | { text: string; format?: SourceFormat; note?: string };

/** A rule file as written in rules/*.yaml, after schema validation. */
export interface RuleDefinition {
  id: string;
  type: string;
  severity: Level;
  category?: string;
  appliesTo?: { docTypes?: DocType[]; formats?: SourceFormat[] };
  /** Rule ids whose findings a finding of this rule replaces where it covers them (engine/supersede.ts). */
  supersedes?: string[];
  message: Bilingual;
  docs: {
    summary: Bilingual;
    what: LocalizedText;
    why: LocalizedText;
    source: LocalizedText;
    example?: LocalizedText;
    useInstead?: LocalizedText;
  };
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  options?: Record<string, unknown>;
  /** Where the rule was loaded from (for messages); not part of the file. */
  file: string;
}

export function localize(text: LocalizedText | undefined, locale: 'zh' | 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en : undefined) ?? text.zh;
}

export function exampleText(example: RuleExample): { text: string; format: SourceFormat } {
  return typeof example === 'string' ? { text: example, format: 'text' } : { text: example.text, format: example.format ?? 'text' };
}

/** A rule file that cannot be used: names the file, the JSON pointer inside it and the problem. */
export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: Problem,
    /** Further problems in the same file, one line each in the message. */
    readonly more: Array<{ pointer: string; problem: Problem }> = [],
  ) {
    super('');
    this.message = this.inLocale('en');
  }

  /** The message in the given locale, one line per problem. */
  inLocale(locale: Locale): string {
    return [{ pointer: this.pointer, problem: this.problem }, ...this.more].map((p) => located(this.file, p.pointer, p.problem, locale)).join('\n');
  }
}
