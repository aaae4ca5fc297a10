import { count, locate, type FileResult } from './result.js';

/** ESLint-like JSON: one object per file with its findings located by line and column (and offset). */
export function formatJson(results: FileResult[], options: { stats?: boolean } = {}): string {
  const files = results.map((r) => {
    const messages = r.lines ? r.findings.map((f) => locate(f, r.lines!)) : [];
    const c = count([r]);
    return {
      filePath: r.display,
      ...(r.encoding && { encoding: r.encoding }),
      ...(r.error && { fatal: r.error }),
      ...(options.stats && r.coverage && { coverage: r.coverage }),
      errorCount: c.error,
      warningCount: c.warning,
      infoCount: c.info,
      fixableCount: c.fixable,
      messages: messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.level,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        offset: m.start,
        length: m.end - m.start,
        ...(m.evidence && { evidence: m.evidence }),
        ...(m.fix && { fix: m.fix }),
      })),
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
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
}
