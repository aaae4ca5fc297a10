import { t } from '../i18n/messages.js';
import type { Finding, Locale } from '../types.js';

/**
 * A comment's paragraphs: the message, the rule and level, and for a numeric claim's finding the
 * numbers the rule used, so that a reviewer can check the arithmetic in Word (other rules' numbers are
 * counts of what they found, which the message already says).
 */
export function commentBody(f: Finding, locale: Locale): string[] {
  const body = [f.message, t(locale, 'annotate.rule', { rule: f.ruleId, level: t(locale, `level.${f.level}`) })];
  const numbers = f.evidence?.claim === undefined ? [] : Object.entries(f.evidence).filter(([, v]) => typeof v === 'number');
  if (numbers.length) body.push(t(locale, 'annotate.numbers', { values: numbers.map(([k, v]) => `${k} = ${v}`).join(locale === 'zh' ? '，' : ', ') }));
  return body;
}
