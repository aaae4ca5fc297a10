import type { ResolvedConfig } from '../config/types.js';
import type { RuleRegistry } from '../config/rule-set.js';
import { compareFindings, lintModel } from '../engine/lint.js';
import { t } from '../i18n/messages.js';
import { InputError, type DecodedText } from '../input/decode.js';
import { applyEdits, planFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { FixWriteError, writeFixed } from '../fix/write.js';
import { readDocx } from '../input/docx.js';
import { readDocument } from '../input/read.js';
import { buildModel, type DocumentModel } from '../model/document.js';
import { kindOf, type FileKind } from '../input/kind.js';
import type { Coverage } from '../extract/index.js';
import type { Parsed } from '../parse/blocks.js';
import { parse } from '../parse/index.js';
import { extractDirectives } from '../suppress/directives.js';
import { applySuppressions, type SuppressedFinding, type UnusedDirective } from '../suppress/filter.js';
import type { Finding, Level, Locale } from '../types.js';

/** Everything one document needs; plain data so that it can be posted to a worker thread. */
export interface FileJob {
  path: string;
  display: string;
  encoding?: string;
  locale: Locale;
  config: ResolvedConfig;
  /** --report-unused-disable; the configuration's reportUnusedDisable applies otherwise. */
  reportUnusedDisable: boolean;
  /** --fix writes safe fixes back; --fix-dry-run only describes them as a diff. */
  fix?: 'write' | 'dry-run';
}


/** The outcome of one document, plain data (it comes back from a worker and goes into the cache). */
export interface FileOutcome {
  path: string;
  display: string;
  kind: FileKind;
  /** The decoded text, for line/column and code frames; absent when the file could not be read. */
  text?: string;
  encoding?: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Rules that threw on this document; the others still ran. */
  failures: Array<{ ruleId: string; message: string; stack?: string }>;
  inputError?: { code: InputError['code']; detail: string };
  /** Findings fixed (or, on a dry run, that would be). */
  fixed?: number;
  /** Numeric claims found, checked and not checkable, when a numeric (claim) rule ran. */
  coverage?: Coverage;
  /** --fix-dry-run: the unified diff of the fixes. */
  diff?: string;
  /** Why fixes were not written (a Word document, bytes that would not survive, a failed write). */
  fixError?: { code: FixWriteError['code'] | 'docx'; detail: string };
}

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

function unusedFinding(u: UnusedDirective, level: Level, locale: Locale): Finding {
  return {
    ruleId: UNUSED_DIRECTIVE_RULE,
    level,
    message: u.rule ? t(locale, 'suppress.unused', { rule: u.rule }) : t(locale, 'suppress.unusedAll'),
    start: u.directive.start,
    end: u.directive.end,
    ...(u.rule && { evidence: { rule: u.rule } }),
  };
}

/** The configuration fills in the document type and year only where the title did not tell. */
function applyFacts(model: DocumentModel, config: ResolvedConfig): void {
  if (config.documentType && model.facts.type === 'other') model.facts.type = config.documentType;
  if (config.year !== undefined && model.facts.year === undefined) model.facts.year = config.year;
}

/** read → decode → parse → model → rules → suppression filter (→ fixes), for one document. */
export async function lintFile(job: FileJob, registry: RuleRegistry): Promise<FileOutcome> {
  const kind = kindOf(job.path);
  const base = { path: job.path, display: job.display, kind, findings: [], suppressed: [], failures: [] };
  let text: string;
  let decoded: DecodedText | undefined;
  let parsed: Parsed;
  try {
    if (kind === 'docx') {
      ({ text, parsed } = await readDocx(job.path));
    } else {
      decoded = readDocument(job.path, job.encoding);
      text = decoded.text;
      parsed = await parse(text, kind);
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...base, inputError: { code: e.code, detail: e.detail } };
  }
  const { rules, levels } = await registry.prepare(job.config);
  const format = kind === 'markdown' ? 'markdown' : 'text';
  const analyse = (source: string, blocks: Parsed) => {
    const { parsed: checked, directives } = extractDirectives(source, blocks);
    const model = buildModel(source, format, checked);
    applyFacts(model, job.config);
    const result = lintModel(model, { rules, levels, locale: job.locale });
    return { model, result, ...applySuppressions(result.findings, directives, model.lines) };
  };

  let outcome = analyse(text, parsed);
  let fix: Pick<FileOutcome, 'fixed' | 'diff' | 'fixError'> = {};
  if (job.fix && kind === 'docx') {
    fix = { fixError: { code: 'docx', detail: '' } };
  } else if (job.fix && decoded) {
    // Only what is still reported is fixed: a suppressed finding stays as written.
    const plan = planFixes(text, outcome.findings);
    if (plan.edits.length) {
      const output = applyEdits(text, plan.edits);
      if (job.fix === 'dry-run') {
        fix = { fixed: plan.applied.length, diff: unifiedDiff(job.display, text, output) };
      } else {
        try {
          await writeFixed(job.path, decoded, output);
          fix = { fixed: plan.applied.length };
          text = output;
          outcome = analyse(text, await parse(text, kind as 'text' | 'markdown'));
        } catch (e) {
          if (!(e instanceof FixWriteError)) throw e;
          fix = { fixError: { code: e.code, detail: e.detail } };
        }
      }
    }
  }

  const { model, result, findings, suppressed, unused } = outcome;
  // Coverage is reported when a rule checks numeric claims (the claims are extracted for it anyway).
  const coverage = rules.some((r) => r.definition.type === 'claim') ? model.claims.coverage : undefined;
  const unusedLevel = job.reportUnusedDisable ? 'warning' : job.config.reportUnusedDisable ?? 'off';
  if (unusedLevel !== 'off' && unused.length) {
    findings.push(...unused.map((u) => unusedFinding(u, unusedLevel, job.locale)));
    findings.sort(compareFindings);
  }
  return {
    ...base,
    // Reports read the text only to place findings; a clean document need not travel back from a worker.
    ...((findings.length > 0 || suppressed.length > 0) && { text }),
    ...(decoded && { encoding: decoded.encoding }),
    findings,
    suppressed,
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, message: f.error.message, stack: f.error.stack })),
    ...(coverage && { coverage }),
    ...fix,
  };
}
