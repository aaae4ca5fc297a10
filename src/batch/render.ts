import { formatJsonFile } from '../report/json.js';
import { count, type FileResult } from '../report/result.js';
import { SourceExcerpt } from '../report/source.js';
import type { FileOutcome } from './lint-file.js';

/** What a report needs of a document's outcome; --quiet keeps errors only. */
export function fileResult(o: FileOutcome, quiet: boolean): FileResult {
  return {
    path: o.path,
    display: o.display,
    findings: quiet ? o.findings.filter((f) => f.level === 'error') : o.findings,
    lines: new SourceExcerpt(o.excerpt ?? { lines: [] }),
    ...(o.encoding && { encoding: o.encoding }),
    ...(o.suppressed.length && { suppressed: o.suppressed }),
    ...((o.kind === 'docx' || o.kind === 'office') && !o.pages && { docx: true }),
    ...(o.pages && { pages: o.pages }),
    ...(o.fixed && { fixed: o.fixed }),
    ...(o.coverage && { coverage: o.coverage }),
    ...(o.rendered && { rendered: o.rendered }),
  };
}

/** Renders the report's entry where the document is linted (for --format json). */
export interface RenderRequest {
  format: 'json';
  quiet: boolean;
  stats: boolean;
}

/**
 * The outcome with its report entry rendered and its findings dropped. In a worker thread this
 * moves formatting off the main thread, and a string crosses between threads far more cheaply than
 * thousands of finding objects; in any thread the findings can be collected at once.
 */
export function renderOutcome(outcome: FileOutcome, request: RenderRequest): FileOutcome {
  const result = fileResult(outcome, request.quiet);
  const { findings, suppressed, excerpt, coverage, ...rest } = outcome;
  return { ...rest, findings: [], suppressed: [], rendered: { json: formatJsonFile(result, { stats: request.stats }), counts: count([result]) } };
}
