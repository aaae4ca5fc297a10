import type { Level } from '../types.js';
import { locate, type FileResult } from './result.js';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of the workflow-command message, as in @actions/core's command.ts. */
function escapeData(s: string): string {
  if (!/[%\r\n]/.test(s)) return s;
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators `:` and `,`. */
function escapeProperty(s: string): string {
  if (!/[%\r\n:,]/.test(s)) return s;
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=a.txt,line=3,endLine=3,col=5,endColumn=7,title=no-placeholder::message`.
 * GitHub shows them as annotations on the pull request's changed lines.
 */
export function formatGithub(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) out.push(`::error file=${escapeProperty(r.display)},title=gongwen-lint::${escapeData(r.error)}`);
    if (!r.lines) continue;
    for (const finding of r.findings) {
      const f = locate(finding, r.lines);
      const props = [
        `file=${escapeProperty(r.display)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        // Columns only make sense within one line; GitHub ignores them otherwise.
        ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
        `title=${escapeProperty(f.ruleId)}`,
      ];
      out.push(`::${COMMAND[f.level]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
