import type { PreparedRules } from '../config/rule-set.js';
import type { ResolvedConfig } from '../config/types.js';
import { compareFindings, lintModel, type LintResult } from '../engine/lint.js';
import { dropSuperseded } from '../engine/supersede.js';
import { t } from '../i18n/messages.js';
import { buildModel, type DocumentModel } from '../model/document.js';
import type { Parsed } from '../parse/blocks.js';
import { extractDirectives } from '../suppress/directives.js';
import { applySuppressions, withoutFixesInDisabled, type SuppressedFinding, type UnusedDirective } from '../suppress/filter.js';
import type { Finding, Level, Locale, SourceFormat } from '../types.js';

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

export interface TextLintOptions {
  format: SourceFormat;
  config: ResolvedConfig;
  locale: Locale;
  /** --report-unused-disable; the configuration's reportUnusedDisable applies otherwise. */
  reportUnusedDisable?: boolean;
}

export interface TextLintOutcome {
  model: DocumentModel;
  /** What is reported: the rules' findings left after the suppression filter. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Directives that suppressed nothing, as findings (empty unless asked for), sorted. */
  unused: Finding[];
  failures: LintResult['failures'];
}

function unusedFinding(u: UnusedDirective, level: Level, locale: Locale): Finding {
  return {
    ruleId: UNUSED_DIRECTIVE_RULE,
    level,
    message: u.rule ? t(locale, 'suppress.unused', { rule: u.rule }) : t(locale, 'suppress.unusedAll'),
    start: u.directive.start,
    end: u.directive.end,
    ...(u.rule && { evidence: { rule: u.rule } }),
  };
}

/** The configuration fills in the document type and year only where the title did not tell. */
function applyFacts(model: DocumentModel, config: ResolvedConfig): void {
  if (config.documentType && model.facts.type === 'other') model.facts.type = config.documentType;
  if (config.year !== undefined && model.facts.year === undefined) model.facts.year = config.year;
}

/**
 * One document's text, already parsed, under its resolved configuration: directives → model →
 * rules → suppression filter → superseded findings dropped. The CLI's per-file job and the language
 * server both lint through here, so an editor shows what the CLI reports.
 */
export function lintParsedText(text: string, parsed: Parsed, prepared: PreparedRules, options: TextLintOptions): TextLintOutcome {
  const { parsed: checked, directives } = extractDirectives(text, parsed);
  const model = buildModel(text, options.format, checked);
  applyFacts(model, options.config);
  const result = lintModel(model, { rules: prepared.rules, levels: prepared.levels, locale: options.locale });
  const { findings: kept, suppressed, unused } = applySuppressions(result.findings, directives, model.lines);
  const findings = withoutFixesInDisabled(dropSuperseded(kept, prepared.rules), directives, model.lines);
  const level = options.reportUnusedDisable ? 'warning' : options.config.reportUnusedDisable ?? 'off';
  const reported = level === 'off' ? [] : unused.map((u) => unusedFinding(u, level, options.locale)).sort(compareFindings);
  return { model, findings, suppressed, unused: reported, failures: result.failures };
}

/** Findings and unused-directive findings in one sorted list, as reports show them. */
export function allFindings(outcome: TextLintOutcome): Finding[] {
  return outcome.unused.length ? [...outcome.findings, ...outcome.unused].sort(compareFindings) : outcome.findings;
}
