import type { Coverage } from '../extract/index.js';
import type { SuppressedFinding } from '../suppress/filter.js';
import type { Finding } from '../types.js';
import type { SourceView } from './source.js';

/** What the CLI knows about one input file after linting it (or failing to read it). */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: relative to the working directory, with / separators. */
  display: string;
  findings: Finding[];
  /** Present when the file was read: offsets → lines/columns, and the text around the findings. */
  lines?: SourceView;
  encoding?: string;
  /** Findings --fix fixed in this file (they are no longer in `findings`). */
  fixed?: number;
  /** Why the file could not be linted (one localized line). */
  error?: string;
  /** Numeric claims found, checked and not checkable (when numeric rules ran). */
  coverage?: Coverage;
  /** Findings turned off by suppression directives; reports that can mark them (SARIF, JSON) show them. */
  suppressed?: SuppressedFinding[];
  /** A Word document: its line N is paragraph N. */
  docx?: boolean;
  /** PDF and OFD: the first line (1-based) of each page; lines are visual lines. */
  pages?: number[];
  /**
   * Rendered where the file was linted (the JSON report's entry, see batch/render.ts): `findings`
   * is then empty and `counts` says what it held.
   */
  rendered?: { json: string; counts: Counts };
}

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  /** Exclusive, like SARIF's endColumn and LSP's end character. */
  endColumn: number;
}

export function locate(finding: Finding, lines: SourceView): LocatedFinding {
  const start = lines.position(finding.start);
  const end = lines.position(finding.end);
  // Spelled out rather than spread: one object shape for every finding, built several times faster.
  const located: LocatedFinding = {
    ruleId: finding.ruleId,
    level: finding.level,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (finding.evidence) located.evidence = finding.evidence;
  if (finding.fix) located.fix = finding.fix;
  return located;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  fixable: number;
}

export function count(results: FileResult[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const r of results) {
    if (r.rendered) {
      c.error += r.rendered.counts.error;
      c.warning += r.rendered.counts.warning;
      c.info += r.rendered.counts.info;
      c.fixable += r.rendered.counts.fixable;
    }
    for (const f of r.findings) {
      c[f.level]++;
      if (f.fix) c.fixable++;
    }
  }
  return c;
}
