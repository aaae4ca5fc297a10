/** Library API: lint text from Node (the CLI is built on the same calls). */
export { lintModel, lintText, type LintOptions, type LintResult } from './engine/lint.js';
export { buildModel, type DocumentModel, type Section } from './model/document.js';
export { parse, formatOf } from './parse/index.js';
export { decode, encode, InputError, type DecodedText } from './input/decode.js';
export { compileRules, type CompiledRule } from './rules/compile.js';
export { parseRule } from './rules/parse-rule.js';
export { loadRules, readRuleDir, BUILTIN_RULES_DIR } from './rules/load-files.js';
export { RuleError, type RuleDefinition } from './rules/definition.js';
export { formatSarif } from './report/sarif.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { renderRulePage, rulePagePath, writeRulePages } from './docs/rule-page.js';
export { applyEdits, fixText, planFixes } from './fix/index.js';
export type { Finding, Fix, Level, Locale, SourceFormat, DocType } from './types.js';

import { lintText } from './engine/lint.js';
import { loadRules } from './rules/load-files.js';
import type { Finding, Locale, SourceFormat } from './types.js';

/** One call for the common case: the built-in rules over a string. */
export async function lint(text: string, options: { format?: SourceFormat; locale?: Locale } = {}): Promise<Finding[]> {
  const rules = await loadRules();
  const { findings } = await lintText(text, options.format ?? 'text', { rules, locale: options.locale });
  return findings;
}
