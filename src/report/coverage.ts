import { addCoverage, emptyCoverage, type Coverage } from '../extract/index.js';
import { t } from '../i18n/messages.js';
import type { Locale } from '../types.js';
import type { FileResult } from './result.js';

/** Coverage over all files that were checked for numeric claims, or undefined when none was. */
export function totalCoverage(results: FileResult[]): Coverage | undefined {
  const measured = results.filter((r) => r.coverage);
  if (measured.length === 0) return undefined;
  return measured.reduce((total, r) => addCoverage(total, r.coverage!), emptyCoverage());
}

/** One line for the stylish summary: 数值声明 120 项：核查 80 项，无法核查 40 项. */
export function coverageLine(c: Coverage, locale: Locale): string {
  return t(locale, 'coverage.summary', { found: c.found, checked: c.checked, notCheckable: c.notCheckable });
}

/**
 * The stylish summary's numeric part: the totals, and how many rates had their counts in the text
 * without being connected to them (what a reviewer may still recompute by hand).
 */
export function coverageSummary(c: Coverage, locale: Locale): string {
  const notLinked = c.reasons['not-linked'];
  return coverageLine(c, locale) + (notLinked > 0 ? t(locale, 'coverage.notLinked', { n: notLinked }) : '');
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
