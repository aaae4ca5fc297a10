import definitions from 'virtual:gongwen-rules';
import { lintText } from '../../src/engine/lint.js';
import type { LineIndex } from '../../src/model/line-index.js';
import { formatJson } from '../../src/report/json.js';
import type { FileResult } from '../../src/report/result.js';
import { formatSarif } from '../../src/report/sarif.js';
import { compileRules, type CompiledRule } from '../../src/rules/compile.js';
import type { RuleDefinition } from '../../src/rules/definition.js';
import type { Finding, Locale, SourceFormat } from '../../src/types.js';

export const VERSION = __GONGWEN_VERSION__;
export const INFORMATION_URI = 'https://github.com/gongwen-lint/gongwen-lint';
export const RULES: readonly RuleDefinition[] = definitions;
export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(definitions.map((d) => [d.id, d]));

let compiled: Promise<CompiledRule[]> | undefined;

/** Compiles the rules (regexes, conditions) once; the page starts this as soon as it has loaded. */
export function prepareEngine(): Promise<CompiledRule[]> {
  compiled ??= compileRules(definitions);
  return compiled;
}

export interface PageResult {
  text: string;
  format: SourceFormat;
  findings: Finding[];
  lines: LineIndex;
  /** Rules that threw on this document (shown, never hidden). */
  failures: Array<{ ruleId: string; message: string }>;
  /** Time spent in the engine, for the status line and the benchmark. */
  ms: number;
}

/** The same engine as the CLI, over the rules bundled at build time. */
export async function lintPage(text: string, format: SourceFormat, locale: Locale): Promise<PageResult> {
  const started = performance.now();
  const result = await lintText(text, format, { rules: await prepareEngine(), locale });
  return {
    text,
    format,
    findings: result.findings,
    lines: result.model.lines,
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, message: f.error.message })),
    ms: performance.now() - started,
  };
}

function fileResult(result: PageResult, name: string, encoding: string | undefined): FileResult {
  return { path: name, display: name, findings: result.findings, lines: result.lines, ...(encoding && { encoding }) };
}

export function sarifReport(result: PageResult, name: string, encoding: string | undefined, locale: Locale): string {
  return formatSarif([fileResult(result, name, encoding)], {
    rules: definitions,
    version: VERSION,
    informationUri: INFORMATION_URI,
    cwd: '/',
    locale,
    notifications: result.failures.map((f) => ({ message: `${name}: ${f.ruleId}: ${f.message}` })),
  });
}

export function jsonReport(result: PageResult, name: string, encoding: string | undefined): string {
  return formatJson([fileResult(result, name, encoding)]);
}
