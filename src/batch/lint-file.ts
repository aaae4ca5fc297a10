import type { AnnotatedCopy, AnnotateFailure, AnnotateRequest } from '../annotate/file.js';
import type { ResolvedConfig } from '../config/types.js';
import type { RuleRegistry } from '../config/rule-set.js';
import { InputError, type DecodedText } from '../input/decode.js';
import { applyEdits, planFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { encodeFixed, FixWriteError, writeFixed } from '../fix/write.js';
import type { OfficeFormat } from '../input/formats/office.js';
import { readDocument } from '../input/read.js';
import { kindOf, type FileKind } from '../input/kind.js';
import type { Counts } from '../report/result.js';
import { captureExcerpt, type ExcerptData } from '../report/source.js';
import type { Coverage } from '../extract/index.js';
import type { Parsed } from '../parse/blocks.js';
import { parserFor } from '../parse/index.js';
import { TimeBudgetExceeded, WATCH_MIN_CHARS, withinBudget } from './budget.js';
import type { SuppressedFinding } from '../suppress/filter.js';
import type { Finding, Locale } from '../types.js';
import { allFindings, lintParsedText } from './lint-text.js';
import { renderOutcome, type RenderRequest } from './render.js';

/** Everything one document needs; plain data so that it can be posted to a worker thread. */
export interface FileJob {
  path: string;
  display: string;
  encoding?: string;
  locale: Locale;
  config: ResolvedConfig;
  /** --report-unused-disable; the configuration's reportUnusedDisable applies otherwise. */
  reportUnusedDisable: boolean;
  /**
   * --fix writes safe fixes back; --fix-dry-run only describes them as a diff; for standard input,
   * `stdout` returns the fixed document's bytes (FileOutcome.output).
   */
  fix?: 'write' | 'dry-run' | 'stdout';
  /** The document's bytes when it is read from standard input; `path` is then the name it is linted under. */
  stdin?: Uint8Array;
  /** Render the document's report entry here and return it instead of the findings. */
  render?: RenderRequest;
  /** --annotate: write a copy of the Word document with the findings as comments and fixes as tracked changes. */
  annotate?: AnnotateRequest;
  /** Seconds this document's linting may take (--max-time, `maxTime`); 0 or absent: no limit. */
  maxTime?: number;
}


const FORMAT_NAMES: Record<OfficeFormat, string> = { docx: '.docx', doc: 'Word 97–2003', word2003: 'Word 2003 XML', pdf: 'PDF', ofd: 'OFD' };

/** The outcome of one document, plain data (it comes back from a worker and goes into the cache). */
export interface FileOutcome {
  path: string;
  display: string;
  kind: FileKind;
  /** The lines the findings (reported and suppressed) and their fixes touch; absent when there are none. */
  excerpt?: ExcerptData;
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
  /** Why fixes were not written (a Word document, a read-only format, bytes that would not survive, a failed write). */
  fixError?: { code: FixWriteError['code'] | 'docx' | 'read-only'; detail: string };
  /** PDF and OFD: the first line (1-based) of each page; locations are then page and visual line. */
  pages?: number[];
  /** The fixed file was written as a new file: this many other hard links keep the old text. */
  brokenLinks?: number;
  /** fix: 'stdout': the fixed document, in its own encoding and BOM (absent when nothing was fixed). */
  output?: Uint8Array;
  /** --annotate: the copy written, or why none was. */
  annotated?: AnnotatedCopy | AnnotateFailure;
  /** The report entry, when the job asked for it (findings, suppressed and excerpt are then empty). */
  rendered?: { json: string; counts: Counts };
  /** Not linted: the thread it reached had been stopped by the time budget; another thread is to lint it. */
  retry?: true;
}

/** read → decode → parse → model → rules → suppression filter (→ fixes), for one document. */
export async function lintFile(job: FileJob, registry: RuleRegistry): Promise<FileOutcome> {
  const kind = kindOf(job.path, job.stdin);
  const base = { path: job.path, display: job.display, kind, findings: [], suppressed: [], failures: [] };
  // Compiled once per configuration and thread, before the document's time starts.
  const prepared = await registry.prepare(job.config);
  const deadline = job.maxTime ? performance.now() + job.maxTime * 1000 : undefined;
  try {
    return await lintWithin(job, kind, base, prepared, deadline);
  } catch (e) {
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    return { ...base, inputError: { code: 'too-slow', detail: String(job.maxTime) } };
  }
}

async function lintWithin(
  job: FileJob,
  kind: FileKind,
  base: Pick<FileOutcome, 'path' | 'display' | 'kind' | 'findings' | 'suppressed' | 'failures'>,
  prepared: Awaited<ReturnType<RuleRegistry['prepare']>>,
  deadline: number | undefined,
): Promise<FileOutcome> {
  let text: string;
  let decoded: DecodedText | undefined;
  let parsed: Parsed | undefined;
  let format: OfficeFormat | undefined;
  let pages: number[] | undefined;
  let parser: ((text: string) => Parsed) | undefined;
  try {
    if (kind === 'docx' || kind === 'office') {
      // By content: a .docx may hold a Word 97–2003 document or a PDF, a .doc a .docx.
      ({ text, parsed, format, pages } = await (await import('../input/formats/office.js')).readOffice(job.path, job.stdin));
    } else {
      decoded = readDocument(job.path, job.encoding, job.stdin);
      text = decoded.text;
      parser = await parserFor(text, kind);
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...base, inputError: { code: e.code, detail: e.detail } };
  }
  const options = { format: kind === 'markdown' ? 'markdown' : 'text', config: job.config, locale: job.locale, reportUnusedDisable: job.reportUnusedDisable } as const;
  const analyse = (source: string, blocks: Parsed) => lintParsedText(source, blocks, prepared, options);

  // Parsing and linting in one watched call (each costs the watchdog's start); a short document is not watched.
  if (text.length < WATCH_MIN_CHARS) deadline = undefined;
  let outcome: ReturnType<typeof analyse>;
  try {
    const source = text;
    outcome = withinBudget(deadline, () => analyse(source, parsed ?? parser!(source)));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...base, inputError: { code: e.code, detail: e.detail } };
  }
  let fix: Pick<FileOutcome, 'fixed' | 'diff' | 'fixError' | 'output' | 'annotated' | 'brokenLinks'> = {};
  if (job.fix && format) {
    fix = { fixError: format === 'docx' ? { code: 'docx', detail: '' } : { code: 'read-only', detail: FORMAT_NAMES[format] } };
  } else if (job.fix && decoded) {
    // Only what is still reported is fixed: a suppressed finding stays as written.
    const source = text;
    const found = outcome.findings;
    const plan = withinBudget(deadline, () => {
      const p = planFixes(source, found);
      return { ...p, output: p.edits.length ? applyEdits(source, p.edits) : source };
    });
    if (plan.edits.length) {
      const output = plan.output;
      if (job.fix === 'dry-run') {
        fix = { fixed: plan.applied.length, diff: unifiedDiff(job.display, text, output) };
      } else {
        try {
          if (job.fix === 'stdout') {
            fix = { fixed: plan.applied.length, output: await encodeFixed(job.stdin!, decoded, output) };
          } else {
            const note = await writeFixed(job.path, decoded, output);
            fix = { fixed: plan.applied.length, ...(note.brokenLinks && { brokenLinks: note.brokenLinks }) };
          }
          text = output;
          const again = await parserFor(output, kind as 'text' | 'markdown');
          outcome = withinBudget(deadline, () => analyse(output, again(output)));
        } catch (e) {
          if (!(e instanceof FixWriteError)) throw e;
          fix = { fixError: { code: e.code, detail: e.detail } };
        }
      }
    }
  }

  const { model, suppressed, failures } = outcome;
  const findings = allFindings(outcome);
  // Suppressed findings are not in `findings`: a directive keeps its finding out of the copy too.
  // Loaded only when asked for: the XML and ZIP libraries cost start-up time every other run.
  if (job.annotate) {
    fix.annotated =
      format === 'docx'
        ? (await import('../annotate/file.js')).annotateFile(job.path, text, findings, job.annotate, job.locale, job.stdin)
        : format
          ? { code: 'read-only', detail: FORMAT_NAMES[format] }
          : { code: 'not-docx', detail: '' };
  }
  // Coverage is reported when a rule checks numeric claims (the claims are extracted for it anyway).
  const coverage = prepared.rules.some((r) => r.definition.type === 'claim') ? model.claims.coverage : undefined;
  const spans = [...findings, ...suppressed].flatMap((f) => (f.fix ? [f, f.fix] : [f]));
  const done: FileOutcome = {
    ...base,
    // Not the whole text: it would travel back from a worker and into the cache only for these lines.
    ...(spans.length > 0 && { excerpt: captureExcerpt(model.lines, spans) }),
    ...(decoded && { encoding: decoded.encoding }),
    ...(pages && { pages }),
    findings,
    suppressed,
    failures: failures.map((f) => ({ ruleId: f.ruleId, message: f.error.message, stack: f.error.stack })),
    ...(coverage && { coverage }),
    ...fix,
  };
  return job.render ? renderOutcome(done, job.render) : done;
}
