import fs from 'node:fs';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { lintText, type RuleFailure } from '../engine/lint.js';
import { t } from '../i18n/messages.js';
import { InputError } from '../input/decode.js';
import { resolveTargets } from '../input/files.js';
import { readDocument } from '../input/read.js';
import { ruleHelpUri } from '../docs/rule-page.js';
import { fixFile } from '../fix/file.js';
import { formatOf } from '../parse/index.js';
import { localize, RuleError, type RuleDefinition } from '../rules/definition.js';
import { builtinDefinitions } from '../rules/builtin.js';
import { loadRules } from '../rules/load-files.js';
import { formatJson } from '../report/json.js';
import { count, type FileResult } from '../report/result.js';
import { coverageProperties } from '../report/coverage.js';
import { formatSarif } from '../report/sarif.js';
import { formatStylish } from '../report/stylish.js';
import type { Locale } from '../types.js';
import { HELP, parseCli, UsageError, type CliOptions } from './args.js';
import { printModel } from './print-model.js';

export const INFORMATION_URI = 'https://github.com/gongwen-lint/gongwen-lint';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
};

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

function inputMessage(e: InputError, locale: Locale): string {
  return t(locale, `input.${e.code}`, { detail: e.detail });
}

function explain(rule: RuleDefinition, locale: Locale): string {
  const d = rule.docs;
  const parts: string[] = [`${rule.id} — ${d.summary[locale]}`, `${t(locale, 'docs.level')}: ${t(locale, `level.${rule.severity}`)}`];
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
    io.stderr(`gongwen-lint: ${(e as Error).message}\n`);
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

  let rules;
  try {
    rules = await loadRules(options.rules.map((d) => path.resolve(io.cwd, d)), io.cwd);
  } catch (e) {
    if (e instanceof RuleError) {
      for (const line of e.message.split('\n')) io.stderr(`gongwen-lint: ${line}\n`);
      return 2;
    }
    throw e;
  }
  const definitions = rules.map((r) => r.definition);
  // Coverage is reported when a rule checks numeric claims (the claims are extracted for it anyway).
  const numericRules = definitions.some((d) => d.type === 'claim');

  if (options.listRules) {
    const width = Math.max(...definitions.map((d) => d.id.length));
    for (const d of definitions) io.stdout(`${d.id.padEnd(width)}  ${t(locale, `level.${d.severity}`).padEnd(locale === 'zh' ? 2 : 7)}  ${d.docs.summary[locale]}\n`);
    return 0;
  }
  if (options.explain !== undefined) {
    const rule = definitions.find((d) => d.id === options.explain);
    if (!rule) {
      io.stderr(`gongwen-lint: ${t(locale, 'usage.unknownRule', { id: options.explain })}\n`);
      return 2;
    }
    io.stdout(explain(rule, locale));
    return 0;
  }
  if (options.printModel !== undefined) {
    const file = path.resolve(io.cwd, options.printModel);
    try {
      const decoded = readDocument(file, options.encoding);
      io.stdout(await printModel(decoded, formatOf(file), displayPath(file, io.cwd)));
      return 0;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr(`gongwen-lint: ${options.printModel}: ${inputMessage(e, locale)}\n`);
      return 2;
    }
  }

  if (options.paths.length === 0) {
    io.stderr(`gongwen-lint: ${t(locale, 'input.no-files')}\n`);
    io.stderr('gongwen-lint --help\n');
    return 2;
  }

  const targets = await resolveTargets(options.paths, io.cwd);
  let inputErrors = 0;
  for (const m of targets.missing) {
    io.stderr(`gongwen-lint: ${m.arg}: ${t(locale, 'input.not-found')}\n`);
    inputErrors++;
  }

  const results: FileResult[] = [];
  const failures: Array<RuleFailure & { file: string }> = [];
  const diffs: string[] = [];
  for (const target of targets.files) {
    const display = displayPath(target.path, io.cwd);
    let decoded;
    try {
      decoded = readDocument(target.path, options.encoding);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const message = inputMessage(e, locale);
      io.stderr(`gongwen-lint: ${display}: ${message}\n`);
      results.push({ path: target.path, display, findings: [], error: message });
      inputErrors++;
      continue;
    }
    let result = await lintText(decoded.text, formatOf(target.path), { rules, locale });
    let fixed = 0;
    if (options.fix || options.fixDryRun) {
      const outcome = await fixFile({ path: target.path, display }, decoded, formatOf(target.path), { rules, locale }, result, options.fixDryRun);
      if (outcome.error) {
        io.stderr(`gongwen-lint: ${display}: ${t(locale, `fix.${outcome.error.code}`, { detail: outcome.error.detail })}\n`);
        inputErrors++;
      }
      if (outcome.diff) diffs.push(outcome.diff);
      ({ result, fixed } = outcome);
    }
    for (const f of result.failures) {
      failures.push({ ...f, file: display });
      io.stderr(`gongwen-lint: ${display}: ${t(locale, 'rule.failed', { rule: f.ruleId, detail: f.error.message })}\n`);
      if (options.debug) io.stderr(`${f.error.stack}\n`);
    }
    const findings = options.quiet ? result.findings.filter((f) => f.level === 'error') : result.findings;
    const coverage = numericRules ? result.model.claims.coverage : undefined;
    results.push({ path: target.path, display, findings, lines: result.model.lines, encoding: decoded.encoding, fixed, ...(coverage && { coverage }) });
  }
  if (results.length === 0 && inputErrors === 0) {
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
        rules: definitions,
        version: pkg.version,
        informationUri: INFORMATION_URI,
        helpUri: (id) => (builtinIds.has(id) ? ruleHelpUri(INFORMATION_URI, id) : undefined),
        cwd: io.cwd,
        locale,
        notifications: failures.map((f) => ({ message: `${f.file}: ${t(locale, 'rule.failed', { rule: f.ruleId, detail: f.error.message })}` })),
        properties: coverageProperties(results),
      });
      break;
    }
    default:
      report = formatStylish(results, { locale, color, maxWarnings: options.maxWarnings, stats: options.stats });
  }
  if (options.output) {
    const out = path.resolve(io.cwd, options.output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, report);
  } else {
    io.stdout(report);
  }

  const counts = count(results);
  if (inputErrors > 0 || failures.length > 0) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) return 1;
  return 0;
}
