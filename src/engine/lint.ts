import { fillTemplate, selectPlurals } from '../i18n/template.js';
import { buildModel, type DocumentModel } from '../model/document.js';
import { parse } from '../parse/index.js';
import type { CompiledRule } from '../rules/compile.js';
import type { Finding, Level, Locale, SourceFormat } from '../types.js';
import { dropSuperseded } from './supersede.js';

export interface LintOptions {
  rules: CompiledRule[];
  locale?: Locale;
  /** Per-rule level overrides; 'off' disables a rule. */
  levels?: ReadonlyMap<string, Level | 'off'>;
}

export interface RuleFailure {
  ruleId: string;
  error: Error;
}

export interface LintResult {
  model: DocumentModel;
  findings: Finding[];
  /** Rules that threw on this document; the others still ran. */
  failures: RuleFailure[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Whether a fix's span is plain text in the source: in Markdown, markup inside it (a link's target,
 * inline code, an HTML comment) is masked in the content, and replacing the span would drop it.
 */
function plainInSource(model: DocumentModel, fix: { start: number; end: number }): boolean {
  return model.format !== 'markdown' || model.content.slice(fix.start, fix.end) === model.text.slice(fix.start, fix.end);
}

/**
 * Runs every applicable rule over a built model. The findings are every rule's, superseded ones
 * included: whoever applies suppressions drops those afterwards (dropSuperseded), as lintText does.
 */
export function lintModel(model: DocumentModel, options: LintOptions): LintResult {
  const locale = options.locale ?? 'zh';
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const { definition, check } of options.rules) {
    const level = options.levels?.get(definition.id) ?? definition.severity;
    if (level === 'off') continue;
    const applies = definition.appliesTo;
    if (applies?.docTypes && !applies.docTypes.includes(model.facts.type)) continue;
    if (applies?.formats && !applies.formats.includes(model.format)) continue;
    try {
      check(model, (hit) => {
        const template = (hit.message ?? definition.message)[locale];
        findings.push({
          ruleId: definition.id,
          // A level set in the configuration is the user's word for every finding of the rule.
          level: hit.level && level === definition.severity ? hit.level : level,
          message: fillTemplate(locale === 'en' && hit.evidence ? selectPlurals(template, hit.evidence) : template, hit.evidence),
          start: hit.start,
          // A span never ends before it starts (SARIF would carry a negative length that code scanning rejects).
          end: Math.max(hit.start, hit.end),
          ...(hit.evidence && { evidence: hit.evidence }),
          ...(hit.fix && plainInSource(model, hit.fix) && { fix: hit.fix }),
        });
      });
    } catch (error) {
      failures.push({ ruleId: definition.id, error: error as Error });
    }
  }
  findings.sort(compareFindings);
  return { model, findings, failures };
}

export async function lintText(text: string, format: SourceFormat, options: LintOptions): Promise<LintResult> {
  const model = buildModel(text, format, await parse(text, format));
  const result = lintModel(model, options);
  return { ...result, findings: dropSuperseded(result.findings, options.rules) };
}
