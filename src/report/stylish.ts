import pc from 'picocolors';
import type { Coverage } from '../extract/index.js';
import { CLAIM_KINDS, REASONS } from '../extract/claim.js';
import { planFixes } from '../fix/apply.js';
import { t } from '../i18n/messages.js';
import type { Level, Locale } from '../types.js';
import { coverageLine, coverageSummary, totalCoverage } from './coverage.js';
import { count, locate, type FileResult, type LocatedFinding } from './result.js';
import type { SourceView } from './source.js';
import { terminalSafe } from './terminal.js';
import { displayWidth, loadStringWidth, StringWidthNeeded } from './width.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface StylishOptions {
  locale: Locale;
  color: boolean;
  maxWarnings?: number;
  /** Numeric claim coverage per document (--stats). */
  stats?: boolean;
  /** Paths given that do not exist (reported on stderr, not in the results): the run is no pass. */
  missing?: number;
}

/** Characters of context shown either side of a finding; the lines of these documents run to hundreds of characters. */
const CONTEXT = 18;

function levelLabel(level: Level, locale: Locale, c: Colors): string {
  const label = t(locale, `level.${level}`);
  return level === 'error' ? c.red(label) : level === 'warning' ? c.yellow(label) : c.blue(label);
}

/** One line of source around the finding with the span underlined; widths count CJK as two columns. */
function codeFrame(f: LocatedFinding, lines: SourceView, c: Colors): string[] {
  // Offsets within the line from here on.
  const { text } = lines.line(f.line);
  const lineEnd = text.length;
  const spanStart = f.column - 1;
  const spanEnd = f.endLine === f.line ? Math.min(f.endColumn - 1, lineEnd) : lineEnd;
  const from = Math.max(0, spanStart - CONTEXT);
  const to = Math.min(lineEnd, Math.max(spanEnd, spanStart + 1) + CONTEXT);
  const before = (from > 0 ? '…' : '') + text.slice(from, spanStart);
  const marked = text.slice(spanStart, spanEnd);
  const after = text.slice(spanEnd, to) + (to < lineEnd ? '…' : '');
  const clean = (s: string) => s.replace(/\t/g, ' ');
  const pad = ' '.repeat(displayWidth(clean(before)));
  const carets = '^'.repeat(Math.max(1, displayWidth(clean(marked))));
  return [`    ${c.dim('│')} ${clean(before)}${clean(marked)}${clean(after)}`, `    ${c.dim('│')} ${pad}${c.red(carets)}`];
}

/**
 * The terminal report. Drafts seldom hold emoji or combining marks, so string-width is loaded only
 * when a code frame meets one, and the report is then drawn again.
 */
/** A PDF's or OFD's line as page and visual line on it: 第2页 5:3 (p.2 5:3). */
function pageLocation(pages: number[], line: number, column: number, locale: Locale): string {
  let page = 0;
  while (page + 1 < pages.length && pages[page + 1] <= line) page++;
  const at = `${line - pages[page] + 1}:${column}`;
  return locale === 'zh' ? `第${page + 1}页 ${at}` : `p.${page + 1} ${at}`;
}

export async function formatStylish(results: FileResult[], options: StylishOptions): Promise<string> {
  try {
    return render(results, options);
  } catch (e) {
    if (!(e instanceof StringWidthNeeded)) throw e;
    await loadStringWidth();
    return render(results, options);
  }
}

function render(results: FileResult[], options: StylishOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0 || !result.lines) continue;
    out.push(c.underline(terminalSafe(result.display)));
    for (const finding of result.findings) {
      const f = locate(finding, result.lines);
      const fixMark = f.fix && !result.docx && !result.pages ? c.green(' ✓') : '';
      // In a Word document line N is paragraph N; ¶ says so.
      out.push(`  ${c.dim(result.pages ? pageLocation(result.pages, f.line, f.column, options.locale) : `${result.docx ? '¶' : ''}${f.line}:${f.column}`)}  ${levelLabel(f.level, options.locale, c)}  ${f.message}  ${c.dim(f.ruleId)}${fixMark}`);
      out.push(...codeFrame(f, result.lines, c));
    }
    out.push('');
  }
  const counts = count(results);
  const total = counts.error + counts.warning + counts.info;
  const failedFiles = results.filter((r) => r.error).length;
  const checked = results.length - failedFiles;
  const unreadable = failedFiles + (options.missing ?? 0);
  // A run that checked nothing (every path missing or unreadable) must not read as a pass.
  const summary =
    checked === 0
      ? c.red(`✖ ${t(options.locale, 'summary.nothingChecked')}`)
      : total === 0
        ? (unreadable ? c.yellow : c.green)(`${unreadable ? '!' : '✔'} ${t(options.locale, 'summary.clean')}`)
        : (counts.error ? c.red : c.yellow)(`✖ ${t(options.locale, 'summary.problems', { total, ...counts })}`);
  const files = checked === 0 ? '' : `${options.locale === 'zh' ? '，' : ', '}${t(options.locale, 'summary.files', { files: checked })}`;
  const coverage = totalCoverage(results);
  const numeric = coverage ? `${options.locale === 'zh' ? '；' : '; '}${coverageSummary(coverage, options.locale)}` : '';
  out.push(`${summary}${files}${numeric}`);
  // What --fix would apply: overlapping fixes wait for a second run, so count the plan, not the ✓s.
  // --fix refuses Word documents (their formatting would be lost): their ✓s are not promised here.
  const fixable = results.reduce((n, r) => n + (r.lines && !r.docx && !r.pages && counts.fixable ? planFixes(r.lines, r.findings).applied.length : 0), 0);
  if (fixable) out.push(c.green(t(options.locale, 'summary.fixable', { n: fixable })));
  const fixed = results.reduce((n, r) => n + (r.fixed ?? 0), 0);
  if (fixed) out.push(c.green(t(options.locale, 'summary.fixed', { n: fixed })));
  if (options.stats) out.push(...coverageTable(results, options.locale));
  if (unreadable) out.push(c.red(t(options.locale, 'summary.unreadable', { n: unreadable })));
  const suppressed = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  if (suppressed) out.push(c.dim(t(options.locale, 'summary.suppressed', { n: suppressed })));
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    out.push(c.yellow(t(options.locale, 'summary.maxWarnings', { warning: counts.warning, max: options.maxWarnings })));
  }
  return `${out.join('\n')}\n`;
}

function reasonList(c: Coverage, locale: Locale): string {
  const parts = REASONS.filter((r) => c.reasons[r] > 0).map((r) => `${t(locale, `coverage.reason.${r}`)} ${c.reasons[r]}`);
  return parts.join(locale === 'zh' ? '，' : ', ');
}

/** The --stats detail: per document and in total, by reason and by kind of claim. */
function coverageTable(results: FileResult[], locale: Locale): string[] {
  const total = totalCoverage(results);
  if (!total) return [];
  const rows: Array<[string, Coverage]> = results.filter((r) => r.coverage).map((r) => [terminalSafe(r.display), r.coverage!]);
  rows.push([t(locale, 'coverage.total'), total]);
  const width = Math.max(...rows.map(([name]) => displayWidth(name)));
  const lines = [t(locale, 'coverage.heading')];
  for (const [name, c] of rows) {
    const reasons = reasonList(c, locale);
    const detail = reasons ? (locale === 'zh' ? `（${reasons}）` : ` (${reasons})`) : '';
    lines.push(`  ${name}${' '.repeat(width - displayWidth(name))}  ${coverageLine(c, locale)}${detail}`);
  }
  const kinds = CLAIM_KINDS.filter((k) => total.byKind[k].found > 0)
    .map((k) => `${t(locale, `coverage.kind.${k}`)} ${total.byKind[k].checked}/${total.byKind[k].found}`)
    .join(locale === 'zh' ? '，' : ', ');
  if (kinds) lines.push(`  ${t(locale, 'coverage.byKind')}${kinds}`);
  return lines;
}
