import { displayWidth } from './width.js';
import { addCoverage, emptyCoverage, type Coverage } from '../extract/index.js';
import { CLAIM_KINDS, REASONS } from '../extract/claim.js';
import { t } from '../i18n/messages.js';
import type { Locale } from '../types.js';
import type { FileResult } from './result.js';

/** Coverage over all files that were checked for numeric claims, or undefined when none was. */
export function totalCoverage(results: FileResult[]): Coverage | undefined {
  const measured = results.filter((r) => r.coverage);
  if (measured.length === 0) return undefined;
  return measured.reduce((total, r) => addCoverage(total, r.coverage!), emptyCoverage());
}

function reasonList(c: Coverage, locale: Locale): string {
  const parts = REASONS.filter((r) => c.reasons[r] > 0).map((r) => `${t(locale, `coverage.reason.${r}`)} ${c.reasons[r]}`);
  return parts.join(locale === 'zh' ? '，' : ', ');
}

/** One line for the stylish summary: 数值声明 120 项：核查 80 项，无法核查 40 项. */
export function coverageLine(c: Coverage, locale: Locale): string {
  return t(locale, 'coverage.summary', { found: c.found, checked: c.checked, notCheckable: c.notCheckable });
}

/** The --stats detail: per document and in total, by reason and by kind of claim. */
export function coverageTable(results: FileResult[], locale: Locale): string[] {
  const total = totalCoverage(results);
  if (!total) return [];
  const rows: Array<[string, Coverage]> = results.filter((r) => r.coverage).map((r) => [r.display, r.coverage!]);
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

/** SARIF run.properties: totals and per-artifact figures, as statcheck reports them. */
export function coverageProperties(results: FileResult[]): Record<string, unknown> | undefined {
  const total = totalCoverage(results);
  if (!total) return undefined;
  return {
    numericClaims: {
      ...total,
      files: results.filter((r) => r.coverage).map((r) => ({ file: r.display, ...r.coverage! })),
    },
  };
}
