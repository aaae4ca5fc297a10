import type { Finding } from '../types.js';
import { count, type FileResult } from './result.js';
import type { SourceView } from './source.js';

function message(f: Finding, lines: SourceView) {
  const start = lines.position(f.start);
  const end = lines.position(f.end);
  return {
    ruleId: f.ruleId,
    severity: f.level,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: f.start,
    length: f.end - f.start,
    ...(f.evidence && { evidence: f.evidence }),
    ...(f.fix && { fix: f.fix }),
  };
}

/**
 * One file's entry of the JSON report. A report is the entries joined into an array, so an entry
 * can be rendered where the file was linted, in a worker thread, and only joined here.
 */
export function formatJsonFile(r: FileResult, options: { stats?: boolean } = {}): string {
  const c = count([r]);
  return JSON.stringify({
    filePath: r.display,
    ...(r.encoding && { encoding: r.encoding }),
    ...(r.error && { fatal: r.error }),
    ...(options.stats && r.coverage && { coverage: r.coverage }),
    errorCount: c.error,
    warningCount: c.warning,
    infoCount: c.info,
    fixableCount: c.fixable,
    messages: r.lines ? r.findings.map((f) => message(f, r.lines!)) : [],
    ...(r.suppressed?.length && {
      suppressedMessages: r.suppressed.map((f) => ({
        ruleId: f.ruleId,
        severity: f.level,
        message: f.message,
        offset: f.start,
        length: f.end - f.start,
        suppressions: [{ kind: 'directive', ...(f.justification && { justification: f.justification }) }],
      })),
    }),
  });
}

/**
 * ESLint-like JSON: one object per file with its findings located by line and column (and offset).
 * Compact, as ESLint writes it: the report of a large repository is for programs, and indenting
 * would make it half as large again.
 */
export function formatJson(results: FileResult[], options: { stats?: boolean } = {}): string {
  return `[${results.map((r) => r.rendered?.json ?? formatJsonFile(r, options)).join(',')}]\n`;
}
