import fs from 'node:fs';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { lintFiles } from '../batch/lint-files.js';
import { shardAutomationId } from '../batch/shard.js';
import { RuleRegistry } from '../config/rule-set.js';
import { nearest } from '../i18n/nearest.js';
import { ConfigError } from '../config/types.js';
import { t } from '../i18n/messages.js';
import { InputError } from '../input/decode.js';
import { readDocx } from '../input/docx.js';
import { resolveTargets } from '../input/files.js';
import { kindOf } from '../input/kind.js';
import { readDocument } from '../input/read.js';
import { ruleHelpUri } from '../docs/rule-page.js';
import { formatOf } from '../parse/index.js';
import { localize, RuleError, type RuleDefinition } from '../rules/definition.js';
import { builtinDefinitions } from '../rules/builtin.js';
import { formatGithub } from '../report/github.js';
import { formatGitlab } from '../report/gitlab.js';
import { formatJson } from '../report/json.js';
import { count } from '../report/result.js';
import { coverageProperties } from '../report/coverage.js';
import { formatSarif } from '../report/sarif.js';
import type { Locale } from '../types.js';
import { HELP, parseCli, requestedLocale, UsageError, type CliOptions } from './args.js';
import { printConfig, writeInit } from './config-commands.js';
import { terminalSafe } from '../report/terminal.js';
import { displayPath, inputMessage, openCache, planJobs, saveCache, SetupError, toResults } from './jobs.js';
import { printModel } from './print-model.js';

export const INFORMATION_URI = 'https://github.com/gongwen-lint/gongwen-lint';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Standard input, whole (for `-`); `hint` is said first when a person, not a pipe, is to type it. */
  readStdin: (hint: string) => Promise<Uint8Array>;
  /** Raw bytes to standard output (a document fixed from standard input, in its own encoding). */
  stdoutBytes: (b: Uint8Array) => void;
}

async function readProcessStdin(hint: string): Promise<Uint8Array> {
  // Without a pipe, `gongwen-lint -` would otherwise wait in silence.
  if (process.stdin.isTTY) process.stderr.write(`gongwen-lint: ${hint}\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const defaultIo: Io = {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  readStdin: readProcessStdin,
  stdoutBytes: (b) => process.stdout.write(b),
};

function explain(rule: RuleDefinition, locale: Locale): string {
  const d = rule.docs;
  const parts: string[] = [`${rule.id} — ${d.summary[locale]}`, `${t(locale, 'docs.level')}: ${t(locale, `level.${rule.severity}`)}`];
  if (rule.supersedes) parts.push(`${t(locale, 'docs.supersedes')}: ${rule.supersedes.join(', ')}`);
  const add = (id: Parameters<typeof t>[1], body: string) => body && parts.push(`\n${t(locale, id)}\n${body}`);
  add('docs.what', localize(d.what, locale));
  add('docs.why', localize(d.why, locale));
  add('docs.source', localize(d.source, locale));
  add('docs.example', localize(d.example, locale));
  add('docs.useInstead', localize(d.useInstead, locale));
  return `${parts.join('\n')}\n`;
}

/** Runs the CLI; returns the exit status (0 clean, 1 findings, 2 usage/config/input error). */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  // The web page's server is a subcommand of its own, loaded only when asked for.
  if (argv[0] === 'serve') return (await import('./serve.js')).serveCommand(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`gongwen-lint: ${t(requestedLocale(argv), e.id, e.values)}\n`);
    io.stderr('gongwen-lint --help\n');
    return 2;
  }
  const { locale } = options;
  if (options.help) {
    io.stdout(`${HELP[locale]}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }

  if (options.workflow.init) {
    const { ok, message } = writeInit(options, io.cwd);
    (ok ? io.stdout : io.stderr)(`gongwen-lint: ${message}\n`);
    return ok ? 0 : 2;
  }
  try {
    return await lintCommand(options, io);
  } catch (e) {
    if (e instanceof RuleError || e instanceof ConfigError || e instanceof SetupError) {
      const message = e instanceof ConfigError ? t(locale, 'config.error', { detail: e.inLocale(locale) }) : e instanceof RuleError ? e.inLocale(locale) : e.message;
      for (const line of message.split('\n')) io.stderr(`gongwen-lint: ${line}\n`);
      return 2;
    }
    throw e;
  }
}

async function lintCommand(options: CliOptions, io: Io): Promise<number> {
  const { locale } = options;
  const registry = new RuleRegistry(io.cwd);
  // Read on demand: a run served from the cache never parses a rule file.
  const definitions = () => registry.definitions(options.rules.map((d) => path.resolve(io.cwd, d)));
  // Rule folders named on the command line are checked first, whatever else goes wrong.
  if (options.rules.length) await definitions();

  if (options.listRules) {
    const all = await definitions();
    const width = Math.max(...all.map((d) => d.id.length));
    for (const d of all) io.stdout(`${d.id.padEnd(width)}  ${t(locale, `level.${d.severity}`).padEnd(locale === 'zh' ? 2 : 7)}  ${d.docs.summary[locale]}\n`);
    return 0;
  }
  if (options.explain !== undefined) {
    const all = await definitions();
    const rule = all.find((d) => d.id === options.explain);
    if (!rule) {
      const guess = nearest(options.explain, all.map((d) => d.id));
      io.stderr(`gongwen-lint: ${t(locale, guess ? 'usage.unknownRuleGuess' : 'usage.unknownRule', { id: options.explain, guess: guess ?? '' })}\n`);
      return 2;
    }
    io.stdout(explain(rule, locale));
    return 0;
  }
  if (options.workflow.printConfig !== undefined) {
    io.stdout(await printConfig(options.workflow.printConfig, options, io.cwd));
    return 0;
  }
  if (options.printModel !== undefined) {
    const file = path.resolve(io.cwd, options.printModel);
    try {
      if (kindOf(file) === 'docx') {
        const { text, parsed } = await readDocx(file);
        io.stdout(await printModel({ text, encoding: 'docx', bom: false, eol: '\n' }, 'text', displayPath(file, io.cwd), parsed));
        return 0;
      }
      const decoded = readDocument(file, options.encoding);
      io.stdout(await printModel(decoded, formatOf(file), displayPath(file, io.cwd)));
      return 0;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr(`gongwen-lint: ${options.printModel}: ${inputMessage(e, locale)}\n`);
      return 2;
    }
  }

  if (options.paths.length === 0 && !options.stdin) {
    io.stderr(`gongwen-lint: ${t(locale, 'input.no-files')}\n`);
    io.stderr('gongwen-lint --help\n');
    return 2;
  }

  // Standard input is linted as the file --stdin-filename names (its format, its configuration), else as <stdin> here.
  const stdin = options.stdin ? await io.readStdin(t(locale, 'input.stdin-tty')) : undefined;
  const targets = stdin
    ? { files: [{ path: path.resolve(io.cwd, options.stdinFilename ?? '<stdin>'), stdin }], missing: [], outside: [] }
    : await resolveTargets(options.paths, io.cwd, options.annotate ? ['docx'] : undefined, { ignoreFiles: options.ignoreFiles, followSymlinks: options.followSymlinks });
  let inputErrors = 0;
  for (const m of targets.missing) {
    io.stderr(`gongwen-lint: ${terminalSafe(m.arg)}: ${t(locale, 'input.not-found')}\n`);
    inputErrors++;
  }
  for (const m of targets.outside) {
    io.stderr(`gongwen-lint: ${terminalSafe(m.arg)}: ${t(locale, 'input.outside-tree')}\n`);
    inputErrors++;
  }

  const jobs = await planJobs(targets.files, options, io.cwd);
  const w = options.workflow;
  // Fixing changes the files: their cached results would be stale the moment they are stored. Standard
  // input is not the file it is named after.
  const cache = w.cache && !options.fix && !options.fixDryRun && !options.annotate && !stdin ? await openCache(w.cacheLocation, io.cwd, pkg.version) : undefined;
  const outcomes = await lintFiles(jobs, { registry, concurrency: w.concurrency, cache, progress: true });
  if (cache) saveCache(cache, locale, io.stderr);
  if (stdin && options.fix) {
    // `--fix -` is a filter, which never swallows its input: the document goes to standard output, fixed
    // or else as it came (nothing to fix, not fixable without changing other bytes, unreadable, ignored by
    // the configuration); the report goes to standard error.
    io.stdoutBytes(outcomes[0]?.output ?? stdin);
  }
  const { results, failures, inputErrors: unreadable, diffs } = toResults(outcomes, options, io.stderr, io.cwd);
  inputErrors += unreadable;
  // A pull request that changes no document, or a shard with nothing in it, is clean rather than an error.
  const narrowed = w.changedSince !== undefined || w.shard !== undefined || jobs.length < targets.files.length;
  if (results.length === 0 && inputErrors === 0 && !narrowed) {
    io.stderr(`gongwen-lint: ${t(locale, 'input.no-files')}\n`);
    return 2;
  }

  if (options.fixDryRun) {
    // Like `ruff check --diff`: the diff is the output; status 1 when there is something to fix.
    io.stdout(diffs.join(''));
    const wouldFix = results.reduce((n, r) => n + (r.fixed ?? 0), 0);
    io.stderr(`gongwen-lint: ${t(locale, 'fix.dryRun', { fixes: wouldFix, files: diffs.length })}\n`);
    return inputErrors > 0 || failures.length > 0 ? 2 : diffs.length > 0 ? 1 : 0;
  }

  const color = options.color ?? (options.output === undefined && io.isTTY && !process.env.NO_COLOR);
  let report: string;
  switch (options.format) {
    case 'json':
      report = formatJson(results, { stats: options.stats });
      break;
    case 'sarif': {
      // Only built-in rules have pages under docs/rules/.
      const builtinIds = new Set((await builtinDefinitions()).map((d) => d.id));
      report = formatSarif(results, {
        rules: await (jobs.length ? registry.definitions([...new Set(jobs.flatMap((j) => j.config.ruleDirs))]) : definitions()),
        version: pkg.version,
        informationUri: INFORMATION_URI,
        helpUri: (id) => (builtinIds.has(id) ? ruleHelpUri(INFORMATION_URI, id) : undefined),
        cwd: io.cwd,
        locale,
        notifications: failures.map((message) => ({ message })),
        properties: coverageProperties(results),
        automationId: w.shard && shardAutomationId(w.shard),
        includeSuppressed: w.includeSuppressed,
      });
      break;
    }
    case 'github':
      report = formatGithub(results);
      break;
    case 'gitlab':
      report = formatGitlab(results);
      break;
    default: {
      // Loaded only for this format (and string-width, ~25 ms of start-up, only for text that needs it).
      const { formatStylish } = await import('../report/stylish.js');
      report = await formatStylish(results, { locale, color, maxWarnings: options.maxWarnings, stats: options.stats, missing: targets.missing.length });
    }
  }
  // With --annotate, -o names the annotated copy; the report goes to standard output.
  if (options.output && !options.annotate) {
    const out = path.resolve(io.cwd, options.output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, report);
  } else if (stdin && options.fix) {
    io.stderr(report);
  } else {
    io.stdout(report);
  }

  const counts = count(results);
  if (inputErrors > 0 || failures.length > 0) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) return 1;
  return 0;
}
