import fs from 'node:fs';
import path from 'node:path';
import { annotatedName } from '../annotate/file.js';
import type { LintCache } from '../batch/cache.js';
import type { FileJob, FileOutcome } from '../batch/lint-file.js';
import { DEFAULT_MAX_TIME } from '../batch/budget.js';
import { fileResult, type RenderRequest } from '../batch/render.js';
import { selectShard } from '../batch/shard.js';
import { ConfigResolver } from '../config/resolve.js';
import { t } from '../i18n/messages.js';
import type { FileTarget } from '../input/files.js';
import type { FileResult } from '../report/result.js';
import { terminalSafe } from '../report/terminal.js';
import type { Locale } from '../types.js';
import type { CliOptions } from './args.js';

/** A problem that ends the run with status 2 before any document is linted; the message is one line. */
export class SetupError extends Error {}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

/**
 * Target files → jobs: only files changed since a ref (--changed-since), not ignored by their
 * configuration, in this shard (--shard), each with its resolved configuration.
 */
export async function planJobs(files: FileTarget[], options: CliOptions, cwd: string): Promise<FileJob[]> {
  const w = options.workflow;
  let selected = files;
  // Standard input is what is to be checked, whatever git says or the shard it would fall in.
  const stdin = files.length === 1 && files[0].stdin !== undefined;
  if (w.changedSince !== undefined && !stdin) {
    const { changedSince, GitError } = await import('../batch/changed.js');
    let changed: Set<string>;
    try {
      changed = changedSince(w.changedSince, cwd);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      throw new SetupError(t(options.locale, 'git.failed', { ref: w.changedSince, detail: e.message }));
    }
    selected = selected.filter((f) => changed.has(f.path));
  }
  const resolver = new ConfigResolver(cwd, w.config && path.resolve(cwd, w.config), options.rules.map((d) => path.resolve(cwd, d)), options.allowOutsideRules);
  // A JSON report is rendered file by file where each is linted (cached outcomes keep their findings).
  const render: RenderRequest | undefined =
    options.format === 'json' && !w.cache && !options.fix && !options.fixDryRun ? { format: 'json', quiet: options.quiet, stats: options.stats } : undefined;
  const annotateTo = options.annotate && annotateOutput(options, cwd, selected.length);
  const jobs: FileJob[] = [];
  for (const f of selected) {
    const { config, ignored } = await resolver.resolve(f.path);
    if (ignored) continue;
    jobs.push({
      path: f.path,
      display: displayPath(f.path, cwd),
      encoding: options.encoding,
      locale: options.locale,
      config,
      reportUnusedDisable: w.reportUnusedDisable,
      maxTime: w.maxTime ?? config.maxTime ?? DEFAULT_MAX_TIME,
      ...(f.stdin && { stdin: f.stdin }),
      ...((options.fix || options.fixDryRun) && { fix: options.fixDryRun ? 'dry-run' : f.stdin ? 'stdout' : 'write' }),
      ...(render && { render }),
      ...(annotateTo && { annotate: { output: annotateTo(f.path), revisions: options.annotate!.revisions } }),
    });
  }
  return w.shard && !stdin ? selectShard(jobs, (j) => j.display, w.shard) : jobs;
}

/** Where each annotated copy goes: beside its original, or as -o says (a file for one document, else a directory). */
function annotateOutput(options: CliOptions, cwd: string, count: number): (file: string) => string {
  if (options.output === undefined) return annotatedName;
  const out = path.resolve(cwd, options.output);
  const isDir = count > 1 || /[\\/]$/.test(options.output) || fs.statSync(out, { throwIfNoEntry: false })?.isDirectory();
  return isDir ? (file) => path.join(out, path.basename(annotatedName(file))) : () => out;
}

/** Outcomes → what reporters read, with one localized stderr line per unreadable file or failed rule. */
export function toResults(
  outcomes: FileOutcome[],
  options: CliOptions,
  stderr: (s: string) => void,
  cwd = process.cwd(),
): { results: FileResult[]; inputErrors: number; failures: string[]; diffs: string[] } {
  const { locale } = options;
  const results: FileResult[] = [];
  const failures: string[] = [];
  const diffs: string[] = [];
  let inputErrors = 0;
  for (const o of outcomes) {
    if (o.inputError) {
      const message = inputMessage(o.inputError, locale);
      stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${message}\n`);
      results.push({ path: o.path, display: o.display, findings: [], error: message });
      inputErrors++;
      continue;
    }
    if (o.fixError) {
      stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${t(locale, `fix.${o.fixError.code}`, { detail: o.fixError.detail })}\n`);
      inputErrors++;
    }
    if (o.brokenLinks) stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${t(locale, 'fix.hard-link', { n: o.brokenLinks })}\n`);
    if (o.diff) diffs.push(o.diff);
    if (o.annotated) {
      const a = o.annotated;
      if ('code' in a) {
        stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${t(locale, `annotate.${a.code}`, { detail: a.detail })}\n`);
        inputErrors++;
      } else {
        const file = displayPath(a.output, cwd);
        stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${t(locale, 'annotate.written', { file, comments: a.comments, revisions: a.revisions })}\n`);
        if (a.approximate) stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${t(locale, 'annotate.approximate', { n: a.approximate })}\n`);
      }
    }
    for (const f of o.failures) {
      const message = t(locale, 'rule.failed', { rule: f.ruleId, detail: f.message });
      failures.push(`${terminalSafe(o.display)}: ${message}`);
      stderr(`gongwen-lint: ${terminalSafe(o.display)}: ${message}\n`);
      if (options.debug && f.stack) stderr(`${f.stack}\n`);
    }
    results.push(fileResult(o, options.quiet));
  }
  return { results, inputErrors, failures, diffs };
}

export function inputMessage(e: { code: string; detail: string }, locale: Locale): string {
  return t(locale, `input.${e.code}` as Parameters<typeof t>[1], { detail: e.detail });
}

/** The cache (--cache), loaded only when asked for. */
export async function openCache(location: string | undefined, cwd: string, version: string): Promise<LintCache> {
  const { DEFAULT_CACHE_FILE, LintCache } = await import('../batch/cache.js');
  return new LintCache(path.resolve(cwd, location ?? DEFAULT_CACHE_FILE), version);
}

/** A cache that cannot be written costs the next run time, not this run its result: warn and go on. */
export function saveCache(cache: LintCache, locale: Locale, stderr: (s: string) => void): void {
  try {
    cache.save();
  } catch (e) {
    stderr(`gongwen-lint: ${t(locale, 'cache.unwritable', { file: cache.file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
  }
}
