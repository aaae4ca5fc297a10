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
// Configuration, suppressions, Word input and per-file linting (the CLI's and an editor's building blocks).
export { ConfigResolver } from './config/resolve.js';
export { RuleRegistry } from './config/rule-set.js';
export { ConfigError, type ResolvedConfig } from './config/types.js';
export { extractDirectives, type Directive } from './suppress/directives.js';
export { applySuppressions, type SuppressedFinding } from './suppress/filter.js';
export { readDocx } from './input/docx.js';
export { traditionalEntries, type ConfusionEntry } from './checkers/confusion.js';
export { lintFile, type FileJob, type FileOutcome } from './batch/lint-file.js';
export { formatGithub } from './report/github.js';
export { formatGitlab } from './report/gitlab.js';

import { lintText } from './engine/lint.js';
import { loadRules } from './rules/load-files.js';
import type { Finding, Locale, SourceFormat } from './types.js';

/** One call for the common case: the built-in rules over a string. */
export async function lint(text: string, options: { format?: SourceFormat; locale?: Locale } = {}): Promise<Finding[]> {
  const rules = await loadRules();
  const { findings } = await lintText(text, options.format ?? 'text', { rules, locale: options.locale });
  return findings;
}
