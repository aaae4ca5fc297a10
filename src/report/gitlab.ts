import { createHash } from 'node:crypto';
import type { Level } from '../types.js';
import { locate, type FileResult } from './result.js';

/** Code Quality severities are info, minor, major, critical, blocker. */
const SEVERITY: Record<Level, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (a JSON array, the CodeClimate subset GitLab reads): description,
 * check_name, fingerprint, severity, location.path and location.lines.begin. The fingerprint is
 * stable across unrelated edits (rule, file, the line's text, occurrence), so GitLab can tell new
 * findings from old ones in merge requests.
 */
export function formatGitlab(results: FileResult[]): string {
  const issues: unknown[] = [];
  for (const r of results) {
    if (!r.lines) continue;
    const seen = new Map<string, number>();
    for (const finding of r.findings) {
      const f = locate(finding, r.lines);
      const basis = `${r.display}\0${f.ruleId}\0${r.lines.line(f.line).text.trim()}\0${r.lines.slice(f.start, f.end)}`;
      const n = (seen.get(basis) ?? 0) + 1;
      seen.set(basis, n);
      issues.push({
        type: 'issue',
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('md5').update(`${basis}\0${n}`).digest('hex'),
        severity: SEVERITY[f.level],
        categories: ['Style'],
        location: { path: r.display, lines: { begin: f.line, end: f.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
