import { t, type MessageId } from './messages.js';
import type { Locale } from '../types.js';

/**
 * What is wrong with a file or an option, to be said in the user's language: an entry of the
 * message table (whose values may be problems themselves), a library's message with its
 * translation, or a text that has none (a regular expression engine's own words).
 */
export type Problem = string | { id: MessageId; values?: Record<string, string | number | Problem> } | { zh: string; en: string };

export function problemIn(problem: Problem, locale: Locale): string {
  if (typeof problem === 'string') return problem;
  if (!('id' in problem)) return problem[locale];
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem.values ?? {})) values[k] = typeof v === 'object' ? problemIn(v, locale) : v;
  return t(locale, problem.id, values);
}

/** A file or folder that cannot be read, by its error code. */
export function readFailure(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** `file: pointer problem`, the shape of every configuration and rule file error. */
export function located(file: string, pointer: string, problem: Problem, locale: Locale): string {
  return `${file}: ${pointer ? `${pointer} ` : ''}${problemIn(problem, locale)}`;
}
